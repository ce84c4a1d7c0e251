// Ends a first load (first-load-begin.cypher): the letters it wrote are whole.
MATCH (m:InnographMeta {id: 'first-load'})
DELETE m
RETURN count(*) AS ended
