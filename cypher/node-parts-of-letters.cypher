// The node parts the given letters hold ('' is the part of nodes no letter mentions,
// the chains), optionally only those of the given nodes.
// @param letters ["Letter:000.txt"]
// @param ids null
MATCH (p:NodePart)
WHERE p.letter IN $letters AND ($ids IS NULL OR p.of IN $ids)
RETURN p.of AS id, p.letter AS letter, p.variant AS variant, p.starts AS starts, p.ends AS ends, p.body AS body
