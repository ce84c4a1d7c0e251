// One hop of a neighbourhood: the nodes linked to the frontier (either direction,
// over the given edge types; null: all), of the given kinds, in id order.
// @param frontier ["Platform:瓯江实验室"]
// @param types ["MENTIONS"]
// @param kinds ["Letter"]
MATCH (n:Entity)-[r]-(m:Entity)
WHERE n.id IN $frontier
  AND ($types IS NULL OR type(r) IN $types)
  AND ($kinds IS NULL OR m.kind IN $kinds)
RETURN DISTINCT m.id AS id
ORDER BY id
