// Candidates for a search by substring, for short queries the full-text index splits too finely.
// @param text "眼谷"
// @param kinds ["Platform"]
// @param limit 100
MATCH (n:Entity)
WHERE ($kinds IS NULL OR n.kind IN $kinds)
  AND (toLower(n.name) CONTAINS $text OR any(a IN n.aliases WHERE toLower(a) CONTAINS $text))
RETURN n {.id, .kind, .name, .aliases, .propsJson, .mentionLetters, .mentionStarts, .mentionEnds} AS node
LIMIT $limit
