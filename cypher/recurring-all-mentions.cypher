// Things of the given kinds (null: all but Letter and Chain) mentioned by at least $minLetters letters,
// anywhere in them (header and footer too: recurring with includeHeaderAndFooter),
// most letters first, then id: one page of rows (id and the letters) and the total.
// @param kinds ["Platform", "Programme"]
// @param minLetters 2
// @param skip 0
// @param limit 20
MATCH (n:Entity)
WHERE n.letterCount >= $minLetters
  AND (($kinds IS NULL AND NOT n.kind IN ['Letter', 'Chain']) OR n.kind IN $kinds)
WITH n.id AS id, n.letterCount AS count ORDER BY count DESC, id
WITH collect(id) AS ids
WITH size(ids) AS total, ids[$skip..$skip + $limit] AS pageIds
RETURN total, [id IN pageIds | {id: id, letters: COLLECT { MATCH (p:NodePart {of: id}) WHERE p.letter <> '' RETURN DISTINCT p.letter }}] AS page
