// A first load (store/neo4j/bulk-load.ts): creates each letter's LetterParts node (as set-letter-parts.cypher writes it)
// and its digest; no letter is stored yet.
// @param rows [{"letter": "Letter:000.txt", "digest": "0a1b2c", "nodeIds": ["Platform:瓯江实验室"], "nodeParts": ["[\"[\\\"瓯江实验室\\\",[],{}]\",true,[10],[15]]"], "edgeKeys": ["MENTIONS|Letter:000.txt|Platform:瓯江实验室"], "edgeParts": ["[\"MENTIONS\",\"Letter:000.txt\",\"Platform:瓯江实验室\",\"{}\",[10],[15]]"]}]
UNWIND $rows AS row
CREATE (p:LetterParts {letter: row.letter})
SET p.nodeIds = row.nodeIds, p.nodeParts = row.nodeParts, p.edgeKeys = row.edgeKeys, p.edgeParts = row.edgeParts
CREATE (d:LetterDigest {letter: row.letter})
SET d.digest = row.digest
RETURN count(p) AS written
