// The shortest path between two nodes, in either direction, of at most $maxHops
// (a pattern's upper bound cannot be a parameter, so 8, the API's cap, is written here).
// @param from "Platform:瓯江实验室"
// @param to "Platform:中国眼谷"
// @param maxHops 4
// @param types ["MENTIONS", "CONCERNS"]
MATCH (a:Entity {id: $from})
MATCH (b:Entity {id: $to})
MATCH p = shortestPath((a)-[*..8]-(b))
WHERE length(p) <= $maxHops AND ($types IS NULL OR all(r IN relationships(p) WHERE type(r) IN $types))
RETURN [n IN nodes(p) | n.id] AS ids,
       [r IN relationships(p) | {type: type(r), source: startNode(r).id, target: endNode(r).id}] AS steps
