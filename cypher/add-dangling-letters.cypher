// Adds letters holding a part of an edge not written (dangling-letters.cypher).
// @param letters ["Letter:000.txt"]
MERGE (m:InnographMeta {id: 'dangling'})
WITH m, coalesce(m.letters, []) AS before
SET m.letters = before + [l IN $letters WHERE NOT l IN before]
RETURN size(m.letters) AS letters
