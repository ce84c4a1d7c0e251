// Every stored part of the given edges (version and spans), to merge them again from scratch.
// @param keys ["MENTIONS|Letter:000.txt|Platform:瓯江实验室"]
MATCH (p:EdgePart)
WHERE p.key IN $keys
RETURN p.key AS key, p.letter AS letter, p.variant AS variant, p.starts AS starts, p.ends AS ends
