// Candidates for a search from the CJK full-text index; innograph ranks them itself.
// @param query "瓯江 实验室"
// @param kinds ["Platform"]
// @param limit 100
CALL db.index.fulltext.queryNodes('entity_names', $query) YIELD node, score
WHERE $kinds IS NULL OR node.kind IN $kinds
RETURN node {.id, .kind, .name, .aliases, .propsJson, .mentionLetters, .mentionStarts, .mentionEnds} AS node, score
ORDER BY score DESC
LIMIT $limit
