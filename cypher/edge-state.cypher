// The merged state of edges (those that exist), to merge further letters into.
// @param rows [{"type": "MENTIONS", "source": "Letter:000.txt", "target": "Platform:瓯江实验室"}]
UNWIND $rows AS row
MATCH (:Entity {id: row.source})-[r:$(row.type)]->(:Entity {id: row.target})
RETURN r.key AS key, r.propsJson AS propsJson, r.lastLetter AS lastLetter
