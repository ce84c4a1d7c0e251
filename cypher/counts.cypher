// The graph's nodes and edges, as a commit reports them (stats.cypher counts the same, with much more): from
// Neo4j's counts, without visiting the graph.
MATCH (n:Entity)
WITH count(n) AS nodes
MATCH ()-[r]->()
RETURN nodes, count(r) AS edges
