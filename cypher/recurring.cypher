// Things of the given kinds (null: all but Letter and Chain) mentioned by at least $minLetters letters,
// most letters first, then id; one page, the total, and each one's letters.
// @param kinds ["Platform", "Programme"]
// @param minLetters 2
// @param skip 0
// @param limit 20
MATCH (n:Entity)
WHERE ($kinds IS NULL AND NOT n.kind IN ['Letter', 'Chain']) OR n.kind IN $kinds
WITH n, COUNT { UNWIND coalesce(n.mentionLetters, []) AS l RETURN DISTINCT l } AS letterCount
WHERE letterCount >= $minLetters
WITH n, letterCount ORDER BY letterCount DESC, n.id
WITH collect(n {.id, .kind, .name, .aliases, .propsJson, .mentionLetters, .mentionStarts, .mentionEnds}) AS found
RETURN size(found) AS total, found[$skip..$skip + $limit] AS page
