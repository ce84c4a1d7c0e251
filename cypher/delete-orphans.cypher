// Deletes the touched nodes that no letter mentions any more (Chain nodes stay).
// @param ids ["Platform:瓯江实验室"]
MATCH (n:Entity)
WHERE n.id IN $ids AND size(n.mentionLetters) = 0 AND NOT n:Chain
DETACH DELETE n
RETURN count(*) AS deleted
