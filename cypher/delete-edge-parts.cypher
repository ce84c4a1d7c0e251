// Deletes the edge parts of the given letters.
// @param letters ["Letter:000.txt"]
MATCH (p:EdgePart)
WHERE p.letter IN $letters
DELETE p
RETURN count(*) AS deleted
