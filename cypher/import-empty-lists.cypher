// After a bulk import (store/neo4j/bulk-import.ts): the empty lists the Cypher path stores and CSV cannot say (the
// importer reads an empty field as no property), set by each node's key: an :Entity by id, a LetterParts by letter,
// an InnographMeta by id, and a relationship by its type and the ids of its ends.
// @param rows [{"key": "Platform:瓯江实验室", "source": "Letter:000.txt", "target": "Platform:瓯江实验室", "type": "MENTIONS", "props": {"aliases": []}}]
UNWIND $rows AS row
MATCH (n:Entity {id: row.key})
SET n += row.props
RETURN count(n) AS set;
UNWIND $rows AS row
MATCH (n:LetterParts {letter: row.key})
SET n += row.props
RETURN count(n) AS set;
UNWIND $rows AS row
MATCH (n:InnographMeta {id: row.key})
SET n += row.props
RETURN count(n) AS set;
UNWIND $rows AS row
MATCH (:Entity {id: row.source})-[r]->(:Entity {id: row.target})
WHERE type(r) = row.type
SET r += row.props
RETURN count(r) AS set
