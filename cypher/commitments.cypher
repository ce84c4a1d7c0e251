// Commitments filtered by chain, year, letter, unit and text, in id order.
// @param chain "人才链"
// @param year 2024
// @param letter "Letter:000.txt"
// @param unit "家"
// @param text "孵化"
// @param skip 0
// @param limit 20
MATCH (n:Commitment)
WHERE ($year IS NULL OR n.year = $year)
  AND ($letter IS NULL OR n.letter = $letter)
  AND ($unit IS NULL OR n.unit = $unit)
  AND ($text IS NULL OR n.text CONTAINS $text)
  AND ($chain IS NULL OR EXISTS { (n)-[:ADVANCES]->(:Chain {name: $chain}) })
WITH n ORDER BY n.id
WITH collect(n {.id, .kind, .name, .aliases, .propsJson, .mentionLetters, .mentionStarts, .mentionEnds}) AS found
RETURN size(found) AS total, found[$skip..$skip + $limit] AS page
