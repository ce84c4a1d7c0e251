import { parseLetter, type ParsedLetter } from '../../ingest/parse/parse-letter.ts';
import { cleanLetterText } from '../../ingest/read/clean.ts';
import { type LetterText, readLetterFile } from '../../ingest/read/read-letter-file.ts';
import { seedPath } from './seeds.ts';

/** A letter's text as if read from a .txt named `source` (what ingestTexts takes). */
export function txtLetter(source: string, text: string): LetterText {
  return { source, path: source, format: 'txt', encoding: 'utf-8', text };
}

/** A letter parsed from text, as if read from a .txt named `source`. */
export function parseText(text: string, source = 'test.txt'): ParsedLetter {
  return parseLetter(txtLetter(source, cleanLetterText(text)));
}

export async function parseSeed(prefix: string): Promise<ParsedLetter> {
  return parseLetter(await readLetterFile(seedPath(prefix)));
}

/** A small letter of the genre, with every part, for variants. */
export function letterText(
  parts: Partial<
    Record<'docNumber' | 'title' | 'salutation' | 'body' | 'contact' | 'signature' | 'cc' | 'printed', string>
  > = {},
): string {
  const p = {
    docNumber: '渝科局函〔2023〕281号',
    title: '关于市六届人大二次会议第0123号建议的\n答复函',
    salutation: '张三代表：',
    body: '您在市六届人大二次会议期间所提的《关于加快建设西部科学城的建议》（人大建议123号）收悉。现答复如下：\n一、工作进展\n近年来，我市累计建成重庆实验室等平台12家。\n二、下一步工作计划\n（一）加强平台建设。力争2024年新增新型研发机构10家以上。\n感谢您对科技工作的支持。',
    contact: '联系人：王五，联系电话：023-12345678。',
    signature: '重庆市科学技术局\n2023年7月1日',
    cc: '抄送：市政府办公厅，市人大常委会选工委',
    printed: '重庆市科学技术局办公室 2023年7月2日印发',
    ...parts,
  };
  return [p.docNumber, '', p.title, '', p.salutation, p.body, p.contact, '', p.signature, p.cc, p.printed]
    .filter((x) => x !== '')
    .join('\n');
}
