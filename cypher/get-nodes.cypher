// Nodes by id, each with its mentions as the last commit stored them on it (in letter order).
// @param ids ["Platform:瓯江实验室"]
MATCH (n:Entity)
WHERE n.id IN $ids
RETURN n {.id, .kind, .name, .aliases, .propsJson, .mLetters, .mStarts, .mEnds} AS node
