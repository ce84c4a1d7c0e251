// The middle of a shortest path innograph returns (store/neo4j/path-walk.ts): the nodes linked both to a
// node of $left (the layer of `from` one short of the middle) and to one of $right (the layer of `to` one
// short of it), each with those links (either direction, over the given types; null: all). Both sides are
// read from their ids (the entity_id constraint's index) and met by a hash join on the middle node inside
// Neo4j, so only the meeting nodes travel, not the two layers' every neighbour.
// @param left ["Platform:瓯江实验室"]
// @param right ["Platform:中国眼谷"]
// @param types ["MENTIONS"]
MATCH (l:Entity)-[r]-(m)-[s]-(o:Entity)
USING JOIN ON m
WHERE l.id IN $left AND o.id IN $right
  AND ($types IS NULL OR (type(r) IN $types AND type(s) IN $types))
RETURN DISTINCT l.id AS left, m.id AS middle, o.id AS right
