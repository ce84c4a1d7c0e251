// A first load (store/neo4j/bulk-load.ts): creates merged nodes the database does not hold (no letter is stored),
// each written once with every letter's mentions folded in; the columns are those of upsert-nodes.cypher. Returns
// each node's element id, by which the load's edges find their ends without an index lookup.
// @param rows [{"id": "Platform:瓯江实验室", "kind": "Platform", "name": "瓯江实验室", "aliases": [], "propsJson": "{}", "year": null, "unit": null, "value": null, "text": null, "commitmentLetter": null, "searchName": "瓯江实验室", "searchAliases": [], "searchText": null, "grams": ["瓯江"], "gramText": "74ef6c5f", "lastLetter": "Letter:000.txt", "letterCount": 1, "shared": null, "mLetters": ["Letter:000.txt"], "mStarts": [10], "mEnds": [15], "letters": ["Letter:000.txt"], "bodyLetters": ["Letter:000.txt"]}]
UNWIND $rows AS row
CREATE (n:Entity:$(row.kind))
SET n.id = row.id, n.kind = row.kind, n.name = row.name, n.aliases = row.aliases, n.propsJson = row.propsJson,
    n.year = row.year, n.unit = row.unit, n.value = row.value, n.text = row.text, n.letter = row.commitmentLetter,
    n.searchName = row.searchName, n.searchAliases = row.searchAliases, n.searchText = row.searchText,
    n.grams = row.grams, n.gramText = row.gramText,
    n.lastLetter = row.lastLetter, n.letterCount = row.letterCount, n.shared = row.shared,
    n.mLetters = row.mLetters, n.mStarts = row.mStarts, n.mEnds = row.mEnds,
    n.letters = row.letters, n.bodyLetters = row.bodyLetters, n.bodyLetterCount = size(row.bodyLetters)
RETURN row.id AS id, elementId(n) AS element
