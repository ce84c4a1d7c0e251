// Before a first load writes its nodes (store/neo4j/bulk-load.ts): the indexes of the API's filters and the full-text
// index, built again in one pass once every node is there (schema.cypher); the constraints (ids) stay, the load's
// edges find their ends by them. A load cut short leaves them to the next start, which applies schema.cypher.
DROP INDEX entity_kind IF EXISTS;
DROP INDEX entity_letter_count IF EXISTS;
DROP INDEX entity_body_letter_count IF EXISTS;
DROP INDEX commitment_year IF EXISTS;
DROP INDEX commitment_letter IF EXISTS;
DROP INDEX entity_grams IF EXISTS
