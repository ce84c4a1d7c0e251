// Empties the database of letters, in batches so a large graph does not exhaust
// memory: every edge, every letter's parts, and every node that only letters held.
// The chains (held by no letter) stay, as in the embedded store, with their part (letter '').
// Last, the mark of a first load cut short (first-load-begin.cypher): what it wrote is gone.
MATCH (:Entity)-[r]->(:Entity)
CALL (r) { DELETE r } IN TRANSACTIONS OF 10000 ROWS
RETURN count(*) AS deleted;
MATCH (p:LetterParts)
WHERE p.letter <> ''
CALL (p) { DELETE p } IN TRANSACTIONS OF 100 ROWS
RETURN count(*) AS deleted;
MATCH (n:Entity)
WHERE n.shared IS NULL
CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS
RETURN count(*) AS deleted;
MATCH (d:LetterDigest)
CALL (d) { DELETE d } IN TRANSACTIONS OF 10000 ROWS
RETURN count(*) AS deleted;
MATCH (m:InnographMeta {id: 'dangling'})
DELETE m
RETURN count(*) AS deleted;
MATCH (m:InnographMeta {id: 'first-load'})
DELETE m
RETURN count(*) AS deleted
