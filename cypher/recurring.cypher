// Things of the given kinds (null: all but Letter and Chain) mentioned by at least $minLetters letters,
// most letters first, then id: one page of ids and the total.
// @param kinds ["Platform", "Programme"]
// @param minLetters 2
// @param skip 0
// @param limit 20
MATCH (n:Entity)
WHERE n.letterCount >= $minLetters
  AND (($kinds IS NULL AND NOT n.kind IN ['Letter', 'Chain']) OR n.kind IN $kinds)
WITH n.id AS id, n.letterCount AS letters ORDER BY letters DESC, id
WITH collect(id) AS ids
RETURN size(ids) AS total, ids[$skip..$skip + $limit] AS page
