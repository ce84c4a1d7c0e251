// Nodes by id, each with its letters' parts (the mentions; innograph orders them by letter).
// @param ids ["Platform:瓯江实验室"]
MATCH (n:Entity)
WHERE n.id IN $ids
RETURN n {.id, .kind, .name, .aliases, .propsJson,
          parts: COLLECT { MATCH (p:NodePart {of: n.id}) WHERE p.letter <> '' RETURN p {.letter, .starts, .ends} }} AS node
