// Stores letters' parts of nodes: their mentions, their version of the node, and whether
// the letter names the node in its body (store/letter-body.ts).
// @param rows [{"id": "Platform:瓯江实验室", "letter": "Letter:000.txt", "body": true, "variant": "[\"瓯江实验室\",[],{}]", "starts": [10], "ends": [15]}]
UNWIND $rows AS row
CREATE (p:NodePart {of: row.id, letter: row.letter, body: row.body, variant: row.variant, starts: row.starts, ends: row.ends})
RETURN count(p) AS created
