// The letters that held, when written, a part of an edge not written (one of its ends missing): where to look
// for the parts of an edge no relationship stands for. Usually none.
OPTIONAL MATCH (m:InnographMeta {id: 'dangling'})
RETURN coalesce(m.letters, []) AS letters
