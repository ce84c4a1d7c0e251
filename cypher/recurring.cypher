// Things of the given kinds (null: all but Letter and Chain) that at least $minLetters letters name in
// their body: each id with those letters. The adapter orders them (most letters first, then id) and
// keeps the list per graph version.
// A letter's body (store/letter-body.ts): after the end of its ANSWERS evidence (title, reference to
// the proposal) and before the start of its first CC, ISSUED_BY or CONTACT evidence (signature,
// contact, 抄送 copy line), so 市府办, on every copy line, is not counted. Which letters name a node
// in their body is worked out per letter when its part is written (its body flag in LetterParts) and kept on the
// node at each commit (bodyLetters, bodyLetterCount, indexed), so this reads no part.
// @param kinds ["Platform"]
// @param minLetters 2
MATCH (n:Entity)
WHERE n.bodyLetterCount >= $minLetters
  AND (($kinds IS NULL AND NOT n.kind IN ['Letter', 'Chain']) OR n.kind IN $kinds)
RETURN n.id AS id, n.bodyLetters AS letters
