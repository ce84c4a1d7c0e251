// The same filter for the nodes one letter mentions: starts from that letter's parts (the ids they name).
// @param letter "Letter:000.txt"
// @param kinds ["Platform"]
// @param chain "创新链"
// @param text "实验室"
// @param skip 0
// @param limit 20
MATCH (p:LetterParts {letter: $letter})
UNWIND p.nodeIds AS partOf
MATCH (n:Entity {id: partOf})
WHERE ($kinds IS NULL OR n.kind IN $kinds)
  AND ($text IS NULL OR n.searchName CONTAINS $text OR any(a IN n.searchAliases WHERE a CONTAINS $text))
  AND ($chain IS NULL OR EXISTS { (n)-[:ADVANCES]->(:Entity {id: 'Chain:' + $chain}) })
WITH DISTINCT n.id AS id ORDER BY id
WITH collect(id) AS ids
RETURN size(ids) AS total, ids[$skip..$skip + $limit] AS page
