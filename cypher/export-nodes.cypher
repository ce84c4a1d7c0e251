// What a database without letters holds (the shared nodes, innograph's meta nodes), to be written again by a bulk
// import (store/neo4j/bulk-import.ts): each node's labels and properties with their types, so each keeps its type.
MATCH (n)
RETURN elementId(n) AS element, labels(n) AS labels, properties(n) AS props,
       [k IN keys(n) | [k, valueType(n[k])]] AS types
