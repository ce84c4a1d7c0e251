// Empties the database of innograph's nodes (in batches, so a large graph does not exhaust memory).
MATCH (n:Entity)
CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 5000 ROWS
RETURN count(*) AS deleted
