// The stored parts of the given letters ('' is the part of nodes no letter mentions, the chains):
// each letter's node ids and edge keys, and beside them each part as JSON (store/neo4j/letter-parts.ts).
// @param letters ["Letter:000.txt"]
MATCH (p:LetterParts)
WHERE p.letter IN $letters
RETURN p.letter AS letter, p.nodeIds AS nodeIds, p.nodeParts AS nodeParts, p.edgeKeys AS edgeKeys, p.edgeParts AS edgeParts
