// Deletes the node parts of the given letters (of the given nodes only, when ids is a list).
// @param letters ["Letter:000.txt"]
// @param ids null
MATCH (p:NodePart)
WHERE p.letter IN $letters AND ($ids IS NULL OR p.of IN $ids)
DELETE p
RETURN count(*) AS deleted
