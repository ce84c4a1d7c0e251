// The merged state of edges (those that exist), to merge further letters into, and the letters of their
// evidence (those holding their parts; the last is the last letter merged in).
// @param rows [{"key": "MENTIONS|Letter:000.txt|Platform:瓯江实验室", "type": "MENTIONS", "source": "Letter:000.txt", "target": "Platform:瓯江实验室"}]
UNWIND $rows AS row
MATCH (:Entity {id: row.source})-[r:$(row.type)]->(:Entity {id: row.target})
RETURN row.key AS key, r.propsJson AS propsJson, r.eLetters AS eLetters
