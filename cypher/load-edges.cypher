// A first load (store/neo4j/bulk-load.ts): creates merged edges between the nodes it wrote (both ends exist), each
// once with every letter's evidence folded in; one type a statement, the ends found by the id constraint's index.
// @param type "ADVANCES"
// @param rows [{"source": "Platform:瓯江实验室", "target": "Chain:创新链", "propsJson": "{\"basis\":\"heading\"}", "eLetters": ["Letter:000.txt"], "eStarts": [10], "eEnds": [30]}]
UNWIND $rows AS row
MATCH (a:Entity {id: row.source})
MATCH (b:Entity {id: row.target})
CREATE (a)-[r:$($type)]->(b)
SET r.propsJson = row.propsJson, r.eLetters = row.eLetters, r.eStarts = row.eStarts, r.eEnds = row.eEnds
RETURN count(r) AS written
