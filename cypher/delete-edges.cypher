// Deletes edges no part holds any more.
// @param rows [{"type": "MENTIONS", "source": "Letter:000.txt", "target": "Platform:瓯江实验室"}]
UNWIND $rows AS row
MATCH (:Entity {id: row.source})-[r:$(row.type)]->(:Entity {id: row.target})
DELETE r
RETURN count(*) AS deleted
