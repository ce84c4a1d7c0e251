// Records the digests of the letters a commit wrote, in the same transaction as their parts.
// @param rows [{"letter": "Letter:000.txt", "digest": "0a1b2c"}]
UNWIND $rows AS row
MERGE (d:LetterDigest {letter: row.letter})
SET d.digest = row.digest
