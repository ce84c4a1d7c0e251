// Search for a one-character query (no bigram): every node is a candidate, scored as search-grams.cypher scores.
// @param key "谷"
// @param kinds ["Platform"]
// @param bonus [0, 1, 1.584962500721156]
// @param limit 10
MATCH (n:Entity)
WHERE $kinds IS NULL OR n.kind IN $kinds
WITH n, CASE
    WHEN n.searchName = $key THEN 100.0
    WHEN $key IN n.searchAliases THEN 90.0
    WHEN n.searchName STARTS WITH $key THEN 80.0
    WHEN n.searchName CONTAINS $key THEN 60.0
    WHEN any(a IN n.searchAliases WHERE a CONTAINS $key) THEN 50.0
    ELSE 0.0
  END AS base
WHERE base > 0
// A clause of a letter (Commitment, Achievement) ranks below a thing's own name: halved unless exact (store/search-score.ts).
WITH n, CASE WHEN n.kind IN ['Commitment', 'Achievement'] AND base < 100 THEN base / 2 ELSE base END AS base
WITH n, base + $bonus[CASE WHEN n.letterCount < size($bonus) THEN n.letterCount ELSE size($bonus) - 1 END] AS score
ORDER BY score DESC, n.id
LIMIT $limit
RETURN n.id AS id, score
