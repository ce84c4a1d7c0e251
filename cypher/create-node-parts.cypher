// Stores letters' parts of nodes: their mentions and their version of the node.
// @param rows [{"id": "Platform:瓯江实验室", "letter": "Letter:000.txt", "variant": "[\"瓯江实验室\",[],{}]", "starts": [10], "ends": [15]}]
UNWIND $rows AS row
CREATE (p:NodePart {of: row.id, letter: row.letter, variant: row.variant, starts: row.starts, ends: row.ends})
RETURN count(p) AS created
