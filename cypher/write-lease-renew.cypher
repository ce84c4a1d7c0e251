// Keeps a held write lease alive while its writer works (the writer renews it well before it expires).
// @param owner "host:1234:1a2b"
// @param now 1700000000000
// @param ttl 60000
MATCH (l:InnographMeta {id: 'write-lease'})
WHERE l.owner = $owner
SET l.expires = $now + $ttl
RETURN count(l) AS renewed
