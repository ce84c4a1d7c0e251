// Keeps the chain matrix's input as the commit that wrote the graph computed it (every ADVANCES edge
// to a chain with its props and evidence, and the things they tie, as JSON), marked with the graph's
// count of writes after this transaction (run after write-lock.cypher): read only while no write followed.
// @param json "{\"rows\":[],\"nodes\":[]}"
MATCH (w:InnographMeta {id: 'write-lock'})
MERGE (m:InnographMeta {id: 'chain-links'})
SET m.json = $json, m.version = w.version
RETURN m.version AS version
