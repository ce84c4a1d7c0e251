// Whether a letter is stored.
// @param letter "Letter:000.txt"
MATCH (n:Letter {id: $letter})
RETURN count(n) > 0 AS exists
