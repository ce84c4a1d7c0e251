// The write lease: one writer at a time for a whole ingest or removal (several transactions),
// taken before any work. Granted when free, expired, or already this owner's; otherwise the
// holder and its expiry are returned so the second writer can say who holds it.
// @param owner "host:1234:1a2b"
// @param now 1700000000000
// @param ttl 60000
MERGE (l:InnographMeta {id: 'write-lease'})
WITH l, (l.owner IS NULL OR l.expires < $now OR l.owner = $owner) AS free
SET l.owner = CASE WHEN free THEN $owner ELSE l.owner END,
    l.since = CASE WHEN free THEN $now ELSE l.since END,
    l.expires = CASE WHEN free THEN $now + $ttl ELSE l.expires END
RETURN free AS granted, l.owner AS owner, l.since AS since, l.expires AS expires
