// Things of the given kinds (null: all but Letter and Chain) mentioned by at least $minLetters letters,
// anywhere in them (header and footer too: recurring with includeHeaderAndFooter): each id with its
// letters (kept on the node at each commit). The adapter orders them (most letters first, then id) and
// keeps the list per graph version.
// @param kinds ["Platform"]
// @param minLetters 2
MATCH (n:Entity)
WHERE n.letterCount >= $minLetters
  AND (($kinds IS NULL AND NOT n.kind IN ['Letter', 'Chain']) OR n.kind IN $kinds)
RETURN n.id AS id, n.letters AS letters
