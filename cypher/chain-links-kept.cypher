// The chain matrix's input kept by the last commit (set-chain-links.cypher), and whether the graph
// is still as that commit left it (no write since).
OPTIONAL MATCH (m:InnographMeta {id: 'chain-links'})
OPTIONAL MATCH (w:InnographMeta {id: 'write-lock'})
RETURN m.json AS json, m.version IS NOT NULL AND m.version = w.version AS current
