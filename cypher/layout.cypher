// Which storage layout the database holds (null: none written yet) and whether it holds any innograph node.
OPTIONAL MATCH (m:InnographMeta {id: 'layout'})
RETURN m.version AS version, EXISTS { MATCH (n:Entity) } AS hasEntities
