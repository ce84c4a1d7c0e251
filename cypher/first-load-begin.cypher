// Marks a first load under way (store/neo4j/bulk-load.ts) in its first transaction; first-load-end.cypher removes the
// mark in its last. A mark left behind (the load was cut short) makes the next commit clear the letters and load again,
// and the store counts no letter meanwhile.
// @param owner "host:123:abcd"
MERGE (m:InnographMeta {id: 'first-load'})
SET m.owner = $owner, m.since = timestamp()
RETURN m.since AS since
