// Stores letters' parts of edges: their evidence and their version of the edge's props.
// @param rows [{"key": "MENTIONS|Letter:000.txt|Platform:瓯江实验室", "type": "MENTIONS", "source": "Letter:000.txt", "target": "Platform:瓯江实验室", "letter": "Letter:000.txt", "variant": "{}", "starts": [10], "ends": [15]}]
UNWIND $rows AS row
CREATE (p:EdgePart {key: row.key, type: row.type, source: row.source, target: row.target, letter: row.letter, variant: row.variant, starts: row.starts, ends: row.ends})
RETURN count(p) AS created
