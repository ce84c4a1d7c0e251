// The digest of each stored letter's part, as its last commit wrote it: a commit writes only the
// letters whose part's digest changed (store/letter-fragments.ts commitPlan does the same embedded).
MATCH (d:LetterDigest)
RETURN d.letter AS letter, d.digest AS digest
