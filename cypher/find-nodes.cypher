// Nodes filtered by kinds, chain and name text (normalised as the search normalises), in id order: one page of ids and the total.
// @param kinds ["Platform"]
// @param chain "创新链"
// @param text "实验室"
// @param skip 0
// @param limit 20
MATCH (n:Entity)
WHERE ($kinds IS NULL OR n.kind IN $kinds)
  AND ($text IS NULL OR n.searchName CONTAINS $text OR any(a IN n.searchAliases WHERE a CONTAINS $text))
  AND ($chain IS NULL OR EXISTS { (n)-[:ADVANCES]->(:Entity {id: 'Chain:' + $chain}) })
WITH n.id AS id ORDER BY id
WITH collect(id) AS ids
RETURN size(ids) AS total, ids[$skip..$skip + $limit] AS page
