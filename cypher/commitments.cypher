// Commitments filtered by chain, year, letter, unit and text (normalised), in id order: one page of ids and the total.
// Statement 1 is for a year given, 2 for a letter given: an equality alone lets the planner start from the
// commitment_year or commitment_letter index (an `$year IS NULL OR …` test cannot use one: statement 0 reads
// every commitment and filters).
// @param chain "人才链"
// @param year 2024
// @param letter "Letter:000.txt"
// @param unit "家"
// @param text "孵化"
// @param skip 0
// @param limit 20
MATCH (n:Commitment)
WHERE ($letter IS NULL OR n.letter = $letter)
  AND ($unit IS NULL OR n.unit = $unit)
  AND ($text IS NULL OR n.searchText CONTAINS $text)
  AND ($chain IS NULL OR EXISTS { (n)-[:ADVANCES]->(:Entity {id: 'Chain:' + $chain}) })
WITH n.id AS id ORDER BY id
WITH collect(id) AS ids
RETURN size(ids) AS total, ids[$skip..$skip + $limit] AS page;
MATCH (n:Commitment)
WHERE n.year = $year
  AND ($letter IS NULL OR n.letter = $letter)
  AND ($unit IS NULL OR n.unit = $unit)
  AND ($text IS NULL OR n.searchText CONTAINS $text)
  AND ($chain IS NULL OR EXISTS { (n)-[:ADVANCES]->(:Entity {id: 'Chain:' + $chain}) })
WITH n.id AS id ORDER BY id
WITH collect(id) AS ids
RETURN size(ids) AS total, ids[$skip..$skip + $limit] AS page;
MATCH (n:Commitment)
WHERE n.letter = $letter
  AND ($year IS NULL OR n.year = $year)
  AND ($unit IS NULL OR n.unit = $unit)
  AND ($text IS NULL OR n.searchText CONTAINS $text)
  AND ($chain IS NULL OR EXISTS { (n)-[:ADVANCES]->(:Entity {id: 'Chain:' + $chain}) })
WITH n.id AS id ORDER BY id
WITH collect(id) AS ids
RETURN size(ids) AS total, ids[$skip..$skip + $limit] AS page
