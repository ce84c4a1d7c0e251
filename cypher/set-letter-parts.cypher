// Stores letters' parts, one LetterParts node a letter: the ids of the nodes it mentions and the keys of the
// edges it gives evidence for, each with its part as JSON (its version of the node or edge, its spans, and
// for nodes whether it names the node in its body, store/letter-body.ts).
// @param rows [{"letter": "Letter:000.txt", "nodeIds": ["Platform:瓯江实验室"], "nodeParts": ["[\"[\\\"瓯江实验室\\\",[],{}]\",true,[10],[15]]"], "edgeKeys": ["MENTIONS|Letter:000.txt|Platform:瓯江实验室"], "edgeParts": ["[\"MENTIONS\",\"Letter:000.txt\",\"Platform:瓯江实验室\",\"{}\",[10],[15]]"]}]
UNWIND $rows AS row
MERGE (p:LetterParts {letter: row.letter})
SET p.nodeIds = row.nodeIds, p.nodeParts = row.nodeParts, p.edgeKeys = row.edgeKeys, p.edgeParts = row.edgeParts
RETURN count(p) AS written
