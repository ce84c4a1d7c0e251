// Writes the merge of existing edges again.
// @param rows [{"key": "ADVANCES|Platform:瓯江实验室|Chain:创新链", "type": "ADVANCES", "source": "Platform:瓯江实验室", "target": "Chain:创新链", "propsJson": "{\"basis\":\"heading\"}", "basis": "heading", "lastLetter": "Letter:000.txt"}]
UNWIND $rows AS row
MATCH (:Entity {id: row.source})-[r:$(row.type)]->(:Entity {id: row.target})
SET r.propsJson = row.propsJson, r.basis = row.basis, r.lastLetter = row.lastLetter
RETURN count(r) AS written
