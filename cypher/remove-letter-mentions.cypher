// Drops one letter's mentions from every node; returns the ids it touched so
// that nodes left with no mention at all can be deleted.
// @param letter "Letter:000.txt"
MATCH (n:Entity)
WHERE $letter IN n.mentionLetters
WITH n, n.mentionLetters AS ls, n.mentionStarts AS ss, n.mentionEnds AS es
WITH n, ls, ss, es, [i IN range(0, size(ls) - 1) WHERE ls[i] <> $letter] AS keep
SET n.mentionLetters = [i IN keep | ls[i]],
    n.mentionStarts = [i IN keep | ss[i]],
    n.mentionEnds = [i IN keep | es[i]]
RETURN collect(n.id) AS touched
