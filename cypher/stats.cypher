// Counts per node kind and per edge type, and per letter its mentions, commitments and achievements.
MATCH (n:Entity)
WITH n.kind AS kind, count(*) AS count
WITH collect({kind: kind, count: count}) AS byKind
CALL () {
  MATCH ()-[r]->()
  WITH type(r) AS type, count(*) AS count
  RETURN collect({type: type, count: count}) AS byEdgeType
}
CALL () {
  MATCH (l:Letter)
  OPTIONAL MATCH (l)-[r:MENTIONS|COMMITS_TO|REPORTS]->()
  WITH l, type(r) AS type, count(r) AS count
  WITH l, collect({type: type, count: count}) AS counts
  RETURN collect({letter: l.id, propsJson: l.propsJson, counts: counts}) AS byLetter
}
RETURN byKind, byEdgeType, byLetter
