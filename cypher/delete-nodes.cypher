// Deletes nodes no part holds any more, with their edges.
// @param ids ["Platform:瓯江实验室"]
UNWIND $ids AS id
MATCH (n:Entity {id: id})
DETACH DELETE n
RETURN count(*) AS deleted
