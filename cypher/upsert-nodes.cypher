// Writes merged nodes: the name, aliases and props merged from their parts, the
// columns the filters and the search read, which letters hold parts, and what the
// reads return without visiting the parts: the mentions (letter, start, end lists,
// in letter order), the letters, and the letters naming the node in their body
// (recurring). With append, the row's lists follow the stored ones (its letters come
// after every letter the node has); else they replace them.
// @param rows [{"id": "Platform:瓯江实验室", "kind": "Platform", "name": "瓯江实验室", "aliases": [], "propsJson": "{}", "year": null, "unit": null, "value": null, "text": null, "commitmentLetter": null, "searchName": "瓯江实验室", "searchAliases": [], "searchText": null, "grams": ["瓯江"], "gramText": "74ef6c5f", "lastLetter": "Letter:000.txt", "letterCount": 1, "shared": null, "mLetters": ["Letter:000.txt"], "mStarts": [10], "mEnds": [15], "letters": ["Letter:000.txt"], "bodyLetters": ["Letter:000.txt"], "append": false}]
UNWIND $rows AS row
MERGE (n:Entity {id: row.id})
SET n:$(row.kind)
SET n.kind = row.kind, n.name = row.name, n.aliases = row.aliases, n.propsJson = row.propsJson,
    n.year = row.year, n.unit = row.unit, n.value = row.value, n.text = row.text, n.letter = row.commitmentLetter,
    n.searchName = row.searchName, n.searchAliases = row.searchAliases, n.searchText = row.searchText,
    n.grams = row.grams, n.gramText = row.gramText,
    n.lastLetter = row.lastLetter, n.letterCount = row.letterCount, n.shared = row.shared,
    n.mLetters = CASE WHEN row.append THEN coalesce(n.mLetters, []) + row.mLetters ELSE row.mLetters END,
    n.mStarts = CASE WHEN row.append THEN coalesce(n.mStarts, []) + row.mStarts ELSE row.mStarts END,
    n.mEnds = CASE WHEN row.append THEN coalesce(n.mEnds, []) + row.mEnds ELSE row.mEnds END,
    n.letters = CASE WHEN row.append THEN coalesce(n.letters, []) + row.letters ELSE row.letters END,
    n.bodyLetters = CASE WHEN row.append THEN coalesce(n.bodyLetters, []) + row.bodyLetters ELSE row.bodyLetters END
SET n.bodyLetterCount = size(n.bodyLetters)
RETURN count(n) AS written
