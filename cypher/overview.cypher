// The best-connected nodes of the given kinds (by number of links, in and out, then id), at most $limit, and how many there are.
// @param kinds ["Platform", "Programme"]
// @param limit 2000
MATCH (n:Entity)
WHERE $kinds IS NULL OR n.kind IN $kinds
WITH n.id AS id, COUNT { (n)-->() } + COUNT { (n)<--() } AS degree
ORDER BY degree DESC, id
WITH collect(id) AS ranked
RETURN size(ranked) AS total, ranked[0..$limit] AS ids
