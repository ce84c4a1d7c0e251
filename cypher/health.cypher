// How many innograph nodes the database holds; also proves it answers.
MATCH (n:Entity)
RETURN count(n) AS nodes
