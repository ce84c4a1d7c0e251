// Every stored part of the given nodes, but those of the letters in $skip (the transaction rewrites them),
// to merge them again from scratch: the node names the letters holding its parts (letters, and shared
// for the part no letter owns), and each letter's LetterParts holds the part beside the node's id.
// @param ids ["Platform:瓯江实验室"]
// @param skip ["Letter:001.txt"]
UNWIND $ids AS id
MATCH (n:Entity {id: id})
UNWIND [l IN CASE WHEN n.shared THEN [''] ELSE [] END + coalesce(n.letters, []) WHERE NOT l IN $skip] AS letter
MATCH (p:LetterParts {letter: letter})
UNWIND [i IN range(0, size(p.nodeIds) - 1) WHERE p.nodeIds[i] = id] AS i
RETURN id, p.letter AS letter, p.nodeParts[i] AS part
