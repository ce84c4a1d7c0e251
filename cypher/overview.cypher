// The most-mentioned nodes of the given kinds (by letters, then mentions, then id), at most $limit, and how many there are.
// @param kinds ["Platform", "Programme"]
// @param limit 2000
MATCH (n:Entity)
WHERE $kinds IS NULL OR n.kind IN $kinds
WITH n, coalesce(n.mentionLetters, []) AS ls
WITH n, size(reduce(s = [], l IN ls | CASE WHEN l IN s THEN s ELSE s + l END)) AS letters, size(ls) AS mentions
ORDER BY letters DESC, mentions DESC, n.id
WITH collect(n {.id, .kind, .name, .aliases, .propsJson, .mentionLetters, .mentionStarts, .mentionEnds}) AS ranked
RETURN size(ranked) AS total, ranked[0..$limit] AS nodes
