// Deletes the parts of removed letters.
// @param letters ["Letter:000.txt"]
UNWIND $letters AS letter
MATCH (p:LetterParts {letter: letter})
DELETE p
RETURN count(*) AS deleted
