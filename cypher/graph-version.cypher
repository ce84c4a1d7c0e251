// How many writes the graph has had (see write-lock.cypher): an answer computed at the same version is still current.
OPTIONAL MATCH (w:InnographMeta {id: 'write-lock'})
RETURN coalesce(w.version, 0) AS version
