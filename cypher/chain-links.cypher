// Every ADVANCES edge with its props (the ties' reasons) and its evidence, for the four-chain matrix;
// which bases count is decided per tie by store/chain-matrix.ts, as for the embedded store.
MATCH (n:Entity)-[r:ADVANCES]->(c:Chain)
RETURN n.id AS id, c.id AS chain, r.propsJson AS propsJson,
       r.eLetters AS eLetters, r.eStarts AS eStarts, r.eEnds AS eEnds
