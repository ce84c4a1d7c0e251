// The best-connected nodes of the given kinds (by number of links, then id), at most $limit, and how many there are.
// @param kinds ["Platform", "Programme"]
// @param limit 2000
MATCH (n:Entity)
WHERE $kinds IS NULL OR n.kind IN $kinds
WITH n, COUNT { (n)--() } AS degree
ORDER BY degree DESC, n.id
WITH collect(n {.id, .kind, .name, .aliases, .propsJson, .mentionLetters, .mentionStarts, .mentionEnds}) AS ranked
RETURN size(ranked) AS total, ranked[0..$limit] AS nodes
