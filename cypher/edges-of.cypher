// Edges touching the given nodes, of the given types (null: all), in one direction or both.
// @param ids ["Platform:瓯江实验室"]
// @param types ["MENTIONS"]
// @param direction "both"
MATCH (n:Entity)-[r]-(m:Entity)
WHERE n.id IN $ids
  AND ($types IS NULL OR type(r) IN $types)
  AND ($direction = 'both' OR ($direction = 'out' AND startNode(r) = n) OR ($direction = 'in' AND endNode(r) = n))
RETURN DISTINCT type(r) AS type, startNode(r).id AS source, endNode(r).id AS target, r.propsJson AS propsJson,
       r.evidenceLetters AS letters, r.evidenceStarts AS starts, r.evidenceEnds AS ends
