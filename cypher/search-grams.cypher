// Search: the candidates are the nodes sharing a character bigram with the query
// (full-text index over hex-coded bigrams, $queries split so no query has more than
// 1000 terms), scored exactly as store/search-score.ts scores: exact name 100,
// exact alias 90, name prefix 80, in the name 60, in an alias 50, else 30 × the
// share of the query's bigrams the node has (at least half), plus $bonus[letters]
// (min(9, log2(1 + letters)), computed by innograph); the best $limit, ties by id.
// @param queries ["74ef6c5f"]
// @param key "瓯江"
// @param grams ["瓯江"]
// @param kinds ["Platform"]
// @param bonus [0, 1, 1.584962500721156]
// @param limit 10
UNWIND $queries AS query
CALL db.index.fulltext.queryNodes('entity_grams', query) YIELD node
WITH DISTINCT node AS n
WHERE $kinds IS NULL OR n.kind IN $kinds
// The share of bigrams is read (the node's list of them) only for a node whose names do not hold the query.
WITH n, CASE
    WHEN n.searchName = $key THEN 100.0
    WHEN $key IN n.searchAliases THEN 90.0
    WHEN n.searchName STARTS WITH $key THEN 80.0
    WHEN n.searchName CONTAINS $key THEN 60.0
    WHEN any(a IN n.searchAliases WHERE a CONTAINS $key) THEN 50.0
    ELSE [share IN [toFloat(size([g IN $grams WHERE g IN n.grams])) / size($grams)] | CASE WHEN share >= 0.5 THEN 30 * share ELSE 0.0 END][0]
  END AS base
WHERE base > 0
// A clause of a letter (Commitment, Achievement) ranks below a thing's own name: halved unless exact (store/search-score.ts).
WITH n, CASE WHEN n.kind IN ['Commitment', 'Achievement'] AND base < 100 THEN base / 2 ELSE base END AS base
WITH n, base + $bonus[CASE WHEN n.letterCount < size($bonus) THEN n.letterCount ELSE size($bonus) - 1 END] AS score
ORDER BY score DESC, n.id
LIMIT $limit
RETURN n.id AS id, score
