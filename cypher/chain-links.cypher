// Every ADVANCES edge, with its basis, for the four-chain matrix.
// @param bases ["heading", "sentence"]
MATCH (n:Entity)-[r:ADVANCES]->(c:Chain)
WHERE $bases IS NULL OR r.basis IN $bases
RETURN n.id AS id, c.name AS chain, r.evidenceLetters AS letters, r.evidenceStarts AS starts, r.evidenceEnds AS ends
