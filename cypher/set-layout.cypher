// Records the storage layout this version of innograph writes.
// @param version 2
MERGE (m:InnographMeta {id: 'layout'})
SET m.version = $version
RETURN m.version AS version
