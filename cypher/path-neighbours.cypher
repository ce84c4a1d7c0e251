// One layer of the search for the path innograph returns (store/neo4j/path-walk.ts): each node of the
// frontier with every node linked to it (either direction, over the given types; null: all).
// Starts from the frontier's ids (the entity_id constraint's index), so it costs the frontier's links.
// @param frontier ["Platform:瓯江实验室"]
// @param types ["MENTIONS"]
UNWIND $frontier AS id
MATCH (n:Entity {id: id})-[r]-(m)
WHERE $types IS NULL OR type(r) IN $types
RETURN DISTINCT id, m.id AS other
