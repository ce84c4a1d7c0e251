// Writes merged nodes: the name, aliases and props merged from their parts, the
// columns the filters and the search read, and which letters hold parts.
// @param rows [{"id": "Platform:瓯江实验室", "kind": "Platform", "name": "瓯江实验室", "aliases": [], "propsJson": "{}", "year": null, "unit": null, "value": null, "text": null, "commitmentLetter": null, "searchName": "瓯江实验室", "searchAliases": [], "searchText": null, "grams": ["瓯江"], "gramText": "74ef6c5f", "lastLetter": "Letter:000.txt", "letterCount": 1, "shared": null}]
UNWIND $rows AS row
MERGE (n:Entity {id: row.id})
SET n:$(row.kind)
SET n.kind = row.kind, n.name = row.name, n.aliases = row.aliases, n.propsJson = row.propsJson,
    n.year = row.year, n.unit = row.unit, n.value = row.value, n.text = row.text, n.letter = row.commitmentLetter,
    n.searchName = row.searchName, n.searchAliases = row.searchAliases, n.searchText = row.searchText,
    n.grams = row.grams, n.gramText = row.gramText,
    n.lastLetter = row.lastLetter, n.letterCount = row.letterCount, n.shared = row.shared
RETURN count(n) AS written
