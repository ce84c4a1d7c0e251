// A first load (store/neo4j/bulk-load.ts): the element ids of nodes it did not create (the shared nodes: chains,
// places), by which its edges find those ends.
// @param ids ["Chain:创新链"]
UNWIND $ids AS id
MATCH (n:Entity {id: id})
RETURN id, elementId(n) AS element
