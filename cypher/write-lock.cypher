// Taken first in every write transaction: the write lock on this one node makes
// writers (two ingests, or an ingest and a clear) take turns, on a cluster too;
// its version counts the writes, so a reader can tell a cached answer is still current.
MERGE (w:InnographMeta {id: 'write-lock'})
SET w.at = timestamp(), w.version = coalesce(w.version, 0) + 1
RETURN w.version AS version
