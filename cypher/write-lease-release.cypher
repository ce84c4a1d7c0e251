// Gives the write lease back (only the owner's).
// @param owner "host:1234:1a2b"
MATCH (l:InnographMeta {id: 'write-lease'})
WHERE l.owner = $owner
REMOVE l.owner, l.since, l.expires
RETURN count(l) AS released
