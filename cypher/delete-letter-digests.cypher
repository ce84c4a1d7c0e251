// Forgets the digests of removed letters, in the same transaction as their parts.
// @param letters ["Letter:000.txt"]
UNWIND $letters AS letter
MATCH (d:LetterDigest {letter: letter})
DELETE d
