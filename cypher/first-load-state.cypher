// Whether a first load was cut short (first-load-begin.cypher): its letters do not count as stored.
OPTIONAL MATCH (m:InnographMeta {id: 'first-load'})
RETURN m IS NOT NULL AS incomplete
