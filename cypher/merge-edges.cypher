// Adds one letter's edges: creates what is new and appends the letter's evidence.
// For ADVANCES the strongest basis wins (rank 0 heading, 1 sentence, 2 vocabulary).
// @param rows [{"type": "MENTIONS", "source": "Letter:000.txt", "target": "Platform:瓯江实验室", "propsJson": "{}", "basis": null, "basisRank": null, "letter": "Letter:000.txt", "starts": [10], "ends": [15]}]
UNWIND $rows AS row
MATCH (a:Entity {id: row.source})
MATCH (b:Entity {id: row.target})
MERGE (a)-[r:$(row.type)]->(b)
WITH r, row, (row.basisRank IS NOT NULL AND (r.basisRank IS NULL OR row.basisRank < r.basisRank)) AS stronger
SET r.propsJson = CASE WHEN r.propsJson IS NULL OR stronger THEN row.propsJson ELSE r.propsJson END,
    r.basis = CASE WHEN stronger THEN row.basis ELSE r.basis END,
    r.basisRank = CASE WHEN stronger THEN row.basisRank ELSE r.basisRank END,
    r.evidenceLetters = coalesce(r.evidenceLetters, []) + [i IN range(1, size(row.starts)) | row.letter],
    r.evidenceStarts = coalesce(r.evidenceStarts, []) + row.starts,
    r.evidenceEnds = coalesce(r.evidenceEnds, []) + row.ends
RETURN count(r) AS count
