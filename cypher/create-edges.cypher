// Creates merged edges that do not exist yet, between existing nodes (an edge whose end is gone is not written, as in the embedded store),
// with their evidence (letter, start, end lists, in letter order) so reads need not visit the parts; returns the keys written.
// @param rows [{"key": "ADVANCES|Platform:瓯江实验室|Chain:创新链", "type": "ADVANCES", "source": "Platform:瓯江实验室", "target": "Chain:创新链", "propsJson": "{\"basis\":\"heading\"}", "eLetters": ["Letter:000.txt"], "eStarts": [10], "eEnds": [30], "append": false}]
UNWIND $rows AS row
MATCH (a:Entity {id: row.source})
MATCH (b:Entity {id: row.target})
CREATE (a)-[r:$(row.type)]->(b)
SET r.propsJson = row.propsJson, r.eLetters = row.eLetters, r.eStarts = row.eStarts, r.eEnds = row.eEnds
RETURN row.key AS key
