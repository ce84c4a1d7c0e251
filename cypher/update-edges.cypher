// Writes the merge of existing edges again; with append, the row's evidence follows the stored evidence, else replaces it.
// @param rows [{"key": "ADVANCES|Platform:瓯江实验室|Chain:创新链", "type": "ADVANCES", "source": "Platform:瓯江实验室", "target": "Chain:创新链", "propsJson": "{\"basis\":\"heading\"}", "eLetters": ["Letter:000.txt"], "eStarts": [10], "eEnds": [30], "append": true}]
UNWIND $rows AS row
MATCH (:Entity {id: row.source})-[r:$(row.type)]->(:Entity {id: row.target})
SET r.propsJson = row.propsJson,
    r.eLetters = CASE WHEN row.append THEN coalesce(r.eLetters, []) + row.eLetters ELSE row.eLetters END,
    r.eStarts = CASE WHEN row.append THEN coalesce(r.eStarts, []) + row.eStarts ELSE row.eStarts END,
    r.eEnds = CASE WHEN row.append THEN coalesce(r.eEnds, []) + row.eEnds ELSE row.eEnds END
RETURN count(r) AS written
