// Adds one letter's nodes: creates what is new, appends the letter's mentions,
// unites aliases, keeps the longest name and the first props written.
// @param rows [{"id": "Platform:瓯江实验室", "kind": "Platform", "name": "瓯江实验室", "aliases": [], "propsJson": "{}", "letter": "Letter:000.txt", "starts": [10], "ends": [15], "year": null, "unit": null, "value": null, "text": null, "commitmentLetter": null}]
UNWIND $rows AS row
MERGE (n:Entity {id: row.id})
SET n:$(row.kind)
SET n.kind = row.kind,
    n.name = CASE WHEN n.name IS NULL OR size(row.name) > size(n.name) THEN row.name ELSE n.name END,
    n.aliases = reduce(acc = coalesce(n.aliases, []), a IN row.aliases | CASE WHEN a IN acc THEN acc ELSE acc + a END),
    n.propsJson = coalesce(n.propsJson, row.propsJson),
    n.mentionLetters = coalesce(n.mentionLetters, []) + [i IN range(1, size(row.starts)) | row.letter],
    n.mentionStarts = coalesce(n.mentionStarts, []) + row.starts,
    n.mentionEnds = coalesce(n.mentionEnds, []) + row.ends,
    n.year = coalesce(n.year, row.year),
    n.unit = coalesce(n.unit, row.unit),
    n.value = coalesce(n.value, row.value),
    n.text = coalesce(n.text, row.text),
    n.letter = coalesce(n.letter, row.commitmentLetter)
SET n.aliasText = reduce(s = '', a IN n.aliases | s + ' ' + a)
RETURN count(n) AS count
