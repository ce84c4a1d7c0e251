// The merged state of nodes, to merge further letters into.
// @param ids ["Platform:瓯江实验室"]
MATCH (n:Entity)
WHERE n.id IN $ids
RETURN n.id AS id, n.kind AS kind, n.name AS name, n.aliases AS aliases, n.propsJson AS propsJson, n.lastLetter AS lastLetter, n.letterCount AS letterCount, n.shared AS shared
