// The nodes that hold a part no letter owns (the chains), to merge again after a clear.
MATCH (n:Entity)
WHERE n.shared = true
RETURN n.id AS id
