// The edges among a set of nodes (of the given types; null: all), from the nodes of $from, with their evidence.
// @param from ["Platform:瓯江实验室"]
// @param ids ["Platform:瓯江实验室", "Letter:000.txt"]
// @param types ["MENTIONS"]
MATCH (a:Entity)-[r]->(b:Entity)
WHERE a.id IN $from AND b.id IN $ids
  AND ($types IS NULL OR type(r) IN $types)
RETURN type(r) AS type, a.id AS source, b.id AS target, r.propsJson AS propsJson,
       r.eLetters AS eLetters, r.eStarts AS eStarts, r.eEnds AS eEnds
