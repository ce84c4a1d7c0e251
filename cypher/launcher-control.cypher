// The control endpoint of the innograph launcher that runs this Neo4j (neo4j-launcher, FirstLoadImport.java), by
// which a first load into an empty database goes through Neo4j's batch importer. Another Neo4j has no such procedure.
CALL innograph.launcher() YIELD control
RETURN control
