// One step back along the shortest path innograph returns (the same as the
// embedded store's): of the neighbours of $at (over the given types), the first
// by id that lies within $hops links of $from.
// @param at "Platform:中国眼谷"
// @param from "Platform:瓯江实验室"
// @param hops 1
// @param types ["MENTIONS", "CONCERNS"]
MATCH (x:Entity {id: $at})-[r]-(y:Entity)
WHERE $types IS NULL OR type(r) IN $types
WITH DISTINCT y
ORDER BY y.id
MATCH (a:Entity {id: $from})
WHERE EXISTS { MATCH p = SHORTEST 1 (a) (()-[s]-() WHERE $types IS NULL OR type(s) IN $types){0,8} (y) WHERE length(p) <= $hops }
RETURN y.id AS id
LIMIT 1
