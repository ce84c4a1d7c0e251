// Waits (up to 300 s) until the indexes the schema created are online, so the first search does not fail.
CALL db.awaitIndexes(300)
