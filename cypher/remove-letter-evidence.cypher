// Drops one letter's evidence from every edge and deletes edges left without any.
// @param letter "Letter:000.txt"
MATCH ()-[r]->()
WHERE $letter IN r.evidenceLetters
WITH r, r.evidenceLetters AS ls, r.evidenceStarts AS ss, r.evidenceEnds AS es
WITH r, ls, ss, es, [i IN range(0, size(ls) - 1) WHERE ls[i] <> $letter] AS keep
SET r.evidenceLetters = [i IN keep | ls[i]],
    r.evidenceStarts = [i IN keep | ss[i]],
    r.evidenceEnds = [i IN keep | es[i]]
WITH r, size(keep) AS left
WHERE left = 0
DELETE r
RETURN count(*) AS deleted
