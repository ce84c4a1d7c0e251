// Nodes filtered by kinds, chain, letter and name text, in id order, one page and the total.
// @param kinds ["Platform"]
// @param chain "创新链"
// @param letter "Letter:000.txt"
// @param text "实验室"
// @param skip 0
// @param limit 20
MATCH (n:Entity)
WHERE ($kinds IS NULL OR n.kind IN $kinds)
  AND ($letter IS NULL OR $letter IN n.mentionLetters)
  AND ($text IS NULL OR toLower(n.name) CONTAINS $text OR any(a IN n.aliases WHERE toLower(a) CONTAINS $text))
  AND ($chain IS NULL OR EXISTS { (n)-[:ADVANCES]->(:Chain {name: $chain}) })
WITH n ORDER BY n.id
WITH collect(n {.id, .kind, .name, .aliases, .propsJson, .mentionLetters, .mentionStarts, .mentionEnds}) AS found
RETURN size(found) AS total, found[$skip..$skip + $limit] AS page
