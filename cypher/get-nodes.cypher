// Nodes by id.
// @param ids ["Platform:瓯江实验室"]
MATCH (n:Entity)
WHERE n.id IN $ids
RETURN n {.id, .kind, .name, .aliases, .propsJson, .mentionLetters, .mentionStarts, .mentionEnds} AS node
