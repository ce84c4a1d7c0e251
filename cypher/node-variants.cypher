// Every stored part's version of the given nodes, to merge them again from scratch.
// @param ids ["Platform:瓯江实验室"]
MATCH (p:NodePart)
WHERE p.of IN $ids
RETURN p.of AS id, p.letter AS letter, p.variant AS variant
