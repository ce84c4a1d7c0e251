// Whether a letter is stored (holds any part).
// @param letter "Letter:000.txt"
RETURN EXISTS { MATCH (p:NodePart {letter: $letter}) } OR EXISTS { MATCH (p:EdgePart {letter: $letter}) } AS exists
