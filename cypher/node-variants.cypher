// Every stored part of the given nodes (version, spans, body), to merge them again from scratch.
// @param ids ["Platform:瓯江实验室"]
MATCH (p:NodePart)
WHERE p.of IN $ids
RETURN p.of AS id, p.letter AS letter, p.variant AS variant, p.starts AS starts, p.ends AS ends, p.body AS body
