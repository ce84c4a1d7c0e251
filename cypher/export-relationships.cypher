// The relationships of a database without letters (export-nodes.cypher), with their properties' types.
MATCH (a)-[r]->(b)
RETURN elementId(a) AS start, elementId(b) AS end, type(r) AS type, properties(r) AS props,
       [k IN keys(r) | [k, valueType(r[k])]] AS types
