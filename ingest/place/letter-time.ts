/**
 * When a letter was written: its date where the header gives one (with where
 * it was read: signature, metadata, 印发, published), else only the year its
 * document number carries (温科提复〔2024〕108号 → 2024). A letter with neither
 * is undated, and the API and explorer keep it visible as such.
 */
// 〔2024〕 · [2022] · (2023) · 【2021】: the year a document number files the letter under.
const DOC_YEAR = /[〔［[（(【]\s*((?:19|20)\d{2})\s*[〕］\])）】]/;

export interface LetterTime {
  date: string | null;
  year: number | null;
  /** signature · metadata · 印发 · published (where the date was read), or 'doc number' when only the year is known. */
  yearSource: string | null;
}

export function letterTimeOf(letter: {
  date: { value: string; source: string } | null;
  docNumber: { text: string } | null;
}): LetterTime {
  if (letter.date)
    return { date: letter.date.value, year: Number(letter.date.value.slice(0, 4)), yearSource: letter.date.source };
  const year = letter.docNumber ? DOC_YEAR.exec(letter.docNumber.text)?.[1] : undefined;
  return year
    ? { date: null, year: Number(year), yearSource: 'doc number' }
    : { date: null, year: null, yearSource: null };
}
