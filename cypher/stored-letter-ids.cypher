// The letters the store holds (any part): what a commit removes when its graph no longer has them.
MATCH (p:NodePart)
WHERE p.letter <> ''
RETURN DISTINCT p.letter AS letter
