/**
 * What kind of letter it is: a reply to the proposer (答复, 复函), or an opinion
 * sent to the unit that leads the handling (主办意见, 会办意见, 协办意见), whose
 * addressee is that lead unit (design.md, "Where, when, what kind"). The
 * extraction stage (ingest/parse, issue 20) reads `kind` and `leadUnit` into
 * the header; until a header carries them, this reads them from the opening
 * sentence: 现就…提出协办意见如下 · 市工信局：
 */
export type LetterKind = 'reply' | '主办意见' | '会办意见' | '协办意见';
export const LETTER_KINDS: LetterKind[] = ['reply', '主办意见', '会办意见', '协办意见'];

interface KindInput {
  text: string;
  body: { start: number; end: number };
  addresseeUnit: { text: string } | null;
  addressee: { text: string } | null;
  /** The header's own reading, where ingest/parse gives one: { value: 'reply' | '协办意见' …, source, span }. */
  kind?: { value: string } | string | null;
  leadUnit?: { text: string } | string | null;
}

// 提出协办意见如下 · 现将会办意见函告如下 · 主办意见: an opinion names itself in its opening or title.
const OPINION = /(主办|会办|协办)意见/;

export function letterKindOf(letter: KindInput): { kind: LetterKind; leadUnit: string | null } {
  const value = typeof letter.kind === 'string' ? letter.kind : letter.kind?.value;
  const given = value && (LETTER_KINDS as string[]).includes(value) ? (value as LetterKind) : null;
  const lead = typeof letter.leadUnit === 'string' ? letter.leadUnit : (letter.leadUnit?.text ?? null);
  if (given) return { kind: given, leadUnit: given === 'reply' ? null : lead };
  const opening = letter.text.slice(0, Math.min(letter.text.length, letter.body.start + 200));
  const opinion = OPINION.exec(opening)?.[1];
  if (!opinion) return { kind: 'reply', leadUnit: null };
  const kind = `${opinion}意见` as LetterKind;
  // A 主办意见 goes to whoever assigned it; 会办/协办 go to the lead unit the salutation names.
  return {
    kind,
    leadUnit: kind === '主办意见' ? null : (lead ?? letter.addresseeUnit?.text ?? letter.addressee?.text ?? null),
  };
}
