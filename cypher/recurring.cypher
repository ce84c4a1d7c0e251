// Things of the given kinds (null: all but Letter and Chain) that at least $minLetters letters name in
// their body: each id with those letters. The adapter orders them (most letters first, then id) and
// keeps the list per graph version.
// A letter's body (store/letter-body.ts): after the end of its ANSWERS evidence (title, reference to
// the proposal) and before the start of its first CC, ISSUED_BY or CONTACT evidence (signature,
// contact, 抄送 copy line), so 市府办, on every copy line, is not counted.
// @param kinds ["Platform", "Programme"]
// @param minLetters 2
MATCH (l:Entity {kind: 'Letter'})
OPTIONAL MATCH (h:EdgePart {letter: l.id})
  WHERE h.source = l.id AND h.type IN ['ANSWERS', 'CC', 'ISSUED_BY', 'CONTACT']
WITH l.id AS letter,
     coalesce(max(CASE WHEN h.type = 'ANSWERS' THEN reduce(m = 0, e IN h.ends | CASE WHEN e > m THEN e ELSE m END) END), 0) AS bodyStart,
     min(CASE WHEN h.type <> 'ANSWERS' THEN reduce(m = h.starts[0], s IN h.starts | CASE WHEN s < m THEN s ELSE m END) END) AS bodyEnd
MATCH (p:NodePart {letter: letter})
WHERE any(i IN range(0, size(p.starts) - 1) WHERE p.starts[i] >= bodyStart AND (bodyEnd IS NULL OR p.ends[i] <= bodyEnd))
WITH p.of AS id, collect(DISTINCT letter) AS letters
WHERE size(letters) >= $minLetters
MATCH (n:Entity {id: id})
WHERE ($kinds IS NULL AND NOT n.kind IN ['Letter', 'Chain']) OR n.kind IN $kinds
RETURN id, letters
