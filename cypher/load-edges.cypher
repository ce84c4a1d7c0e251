// A first load (store/neo4j/bulk-load.ts): creates merged edges between nodes that exist, each once with every
// letter's evidence folded in; one type a statement. Each row names its ends by their place in $ends, the element
// ids the node statements returned (a seek by element id costs less than a lookup in the id index).
// @param type "ADVANCES"
// @param ends ["4:a4b1c2d3-0000-0000-0000-000000000000:0", "4:a4b1c2d3-0000-0000-0000-000000000000:1"]
// @param rows [{"s": 0, "t": 1, "propsJson": "{\"basis\":\"heading\"}", "eLetters": ["Letter:000.txt"], "eStarts": [10], "eEnds": [30]}]
UNWIND $rows AS row
MATCH (a) WHERE elementId(a) = $ends[row.s]
MATCH (b) WHERE elementId(b) = $ends[row.t]
CREATE (a)-[r:$($type)]->(b)
SET r.propsJson = row.propsJson, r.eLetters = row.eLetters, r.eStarts = row.eStarts, r.eEnds = row.eEnds
RETURN count(r) AS written
