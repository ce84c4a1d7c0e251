// Applied at start, idempotently. innograph keeps each letter's parts of nodes and
// edges (its mentions or evidence, and its version of the name, aliases and props)
// on one LetterParts node a letter, and the merged node or edge as an :Entity node
// or a relationship between two, so replacing a letter recomputes exactly what a
// fresh ingest of the remaining letters gives.
// Layout 3 kept on each merged node and edge what the reads return (mentions, evidence, the letters
// naming it in their body), written at each commit, so no read visits the parts; layout 4 keeps the
// parts by letter (one node a letter, not one a part: store/neo4j/letter-parts.ts).
// Indexes: ids, parts by letter, the API's filters, and a
// full-text index over each name's character bigrams (as hex tokens) for search.
CREATE CONSTRAINT entity_id IF NOT EXISTS FOR (n:Entity) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT meta_id IF NOT EXISTS FOR (m:InnographMeta) REQUIRE m.id IS UNIQUE;
CREATE CONSTRAINT letter_digest IF NOT EXISTS FOR (d:LetterDigest) REQUIRE d.letter IS UNIQUE;
CREATE CONSTRAINT letter_parts IF NOT EXISTS FOR (p:LetterParts) REQUIRE p.letter IS UNIQUE;
CREATE INDEX entity_kind IF NOT EXISTS FOR (n:Entity) ON (n.kind);
CREATE INDEX entity_letter_count IF NOT EXISTS FOR (n:Entity) ON (n.letterCount);
CREATE INDEX entity_body_letter_count IF NOT EXISTS FOR (n:Entity) ON (n.bodyLetterCount);
CREATE INDEX commitment_year IF NOT EXISTS FOR (n:Commitment) ON (n.year);
CREATE INDEX commitment_letter IF NOT EXISTS FOR (n:Commitment) ON (n.letter);
CREATE FULLTEXT INDEX entity_grams IF NOT EXISTS FOR (n:Entity) ON EACH [n.gramText] OPTIONS { indexConfig: { `fulltext.analyzer`: 'whitespace' } };
