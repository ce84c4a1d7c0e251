// The letters the store holds (any part): what a commit removes when its graph no longer has them.
MATCH (p:LetterParts)
WHERE p.letter <> ''
RETURN p.letter AS letter
