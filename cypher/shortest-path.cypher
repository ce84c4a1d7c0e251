// The length of a shortest path from $from to $to in either direction over the
// given edge types (null: all), as SHORTEST 1 finds it: a bidirectional
// breadth-first search with the type test inside the expansion, so a missing
// path costs at most the hop limit's search and never an exhaustive one.
// A quantifier's bound cannot be a parameter: statement k (1 to 8) is for maxHops = k.
// @param from "Platform:瓯江实验室"
// @param to "Platform:中国眼谷"
// @param types ["MENTIONS", "CONCERNS"]
MATCH (a:Entity {id: $from}), (b:Entity {id: $to})
MATCH p = SHORTEST 1 (a) (()-[r]-() WHERE $types IS NULL OR type(r) IN $types){0,1} (b)
RETURN length(p) AS length;
MATCH (a:Entity {id: $from}), (b:Entity {id: $to})
MATCH p = SHORTEST 1 (a) (()-[r]-() WHERE $types IS NULL OR type(r) IN $types){0,2} (b)
RETURN length(p) AS length;
MATCH (a:Entity {id: $from}), (b:Entity {id: $to})
MATCH p = SHORTEST 1 (a) (()-[r]-() WHERE $types IS NULL OR type(r) IN $types){0,3} (b)
RETURN length(p) AS length;
MATCH (a:Entity {id: $from}), (b:Entity {id: $to})
MATCH p = SHORTEST 1 (a) (()-[r]-() WHERE $types IS NULL OR type(r) IN $types){0,4} (b)
RETURN length(p) AS length;
MATCH (a:Entity {id: $from}), (b:Entity {id: $to})
MATCH p = SHORTEST 1 (a) (()-[r]-() WHERE $types IS NULL OR type(r) IN $types){0,5} (b)
RETURN length(p) AS length;
MATCH (a:Entity {id: $from}), (b:Entity {id: $to})
MATCH p = SHORTEST 1 (a) (()-[r]-() WHERE $types IS NULL OR type(r) IN $types){0,6} (b)
RETURN length(p) AS length;
MATCH (a:Entity {id: $from}), (b:Entity {id: $to})
MATCH p = SHORTEST 1 (a) (()-[r]-() WHERE $types IS NULL OR type(r) IN $types){0,7} (b)
RETURN length(p) AS length;
MATCH (a:Entity {id: $from}), (b:Entity {id: $to})
MATCH p = SHORTEST 1 (a) (()-[r]-() WHERE $types IS NULL OR type(r) IN $types){0,8} (b)
RETURN length(p) AS length
