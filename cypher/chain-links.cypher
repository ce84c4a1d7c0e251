// Every ADVANCES edge of the given bases (null: all), with its evidence, for the four-chain matrix.
// @param bases ["heading", "sentence"]
MATCH (n:Entity)-[r:ADVANCES]->(c:Chain)
WHERE $bases IS NULL OR r.basis IN $bases
RETURN n.id AS id, c.id AS chain,
       COLLECT { MATCH (p:EdgePart {key: r.key}) RETURN p {.letter, .starts, .ends} } AS parts
