// Edges touching the given nodes, of the given types (null: all), in one direction or both, with their letters' evidence (stored on each edge).
// @param ids ["Platform:瓯江实验室"]
// @param types ["MENTIONS"]
// @param direction "both"
MATCH (n:Entity)-[r]-(:Entity)
WHERE n.id IN $ids
  AND ($types IS NULL OR type(r) IN $types)
  AND ($direction = 'both' OR ($direction = 'out' AND startNode(r) = n) OR ($direction = 'in' AND endNode(r) = n))
WITH DISTINCT r
RETURN type(r) AS type, startNode(r).id AS source, endNode(r).id AS target, r.propsJson AS propsJson,
       r.eLetters AS eLetters, r.eStarts AS eStarts, r.eEnds AS eEnds
