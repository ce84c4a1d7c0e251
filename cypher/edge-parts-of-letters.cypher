// The edge parts the given letters hold.
// @param letters ["Letter:000.txt"]
MATCH (p:EdgePart)
WHERE p.letter IN $letters
RETURN p.key AS key, p.type AS type, p.source AS source, p.target AS target, p.letter AS letter, p.variant AS variant, p.starts AS starts, p.ends AS ends
