// One hop of a neighbourhood: the nodes linked to the frontier (either direction,
// over the given edge types; null: all), of the given kinds, not yet kept, in id order,
// at most $room of them (the adapter asks one more than it can keep, to know it is capped).
// Starts from the frontier's ids (the entity_id constraint's index).
// @param frontier ["Platform:瓯江实验室"]
// @param types ["MENTIONS"]
// @param kinds ["Letter"]
// @param kept ["Platform:瓯江实验室"]
// @param room 500
UNWIND $frontier AS start
MATCH (n:Entity {id: start})-[r]-(m)
WHERE ($types IS NULL OR type(r) IN $types)
  AND ($kinds IS NULL OR m.kind IN $kinds)
  AND NOT m.id IN $kept
WITH DISTINCT m.id AS id
ORDER BY id
LIMIT $room
RETURN id
