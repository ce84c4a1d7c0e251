// The stored parts of the given edges in the given letters (those of its evidence, or letters holding parts
// of edges not written), to merge them again from scratch.
// @param rows [{"key": "MENTIONS|Letter:000.txt|Platform:瓯江实验室", "letters": ["Letter:000.txt"]}]
UNWIND $rows AS row
UNWIND row.letters AS letter
MATCH (p:LetterParts {letter: letter})
UNWIND [i IN range(0, size(p.edgeKeys) - 1) WHERE p.edgeKeys[i] = row.key] AS i
RETURN row.key AS key, p.letter AS letter, p.edgeParts[i] AS part
