// Taken first in every write transaction: the write lock on this one node makes
// writers (two ingests, or an ingest and a clear) take turns, on a cluster too.
MERGE (w:InnographMeta {id: 'write-lock'})
SET w.at = timestamp()
RETURN w.id AS id
