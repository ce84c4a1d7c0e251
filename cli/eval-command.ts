import { parseArgs } from 'node:util';
import { readGoldDir } from '../ingest/eval/gold.ts';
import { addTally, ENTITY_KINDS, f1, type LetterScore, scoreLetter, type Tally } from '../ingest/eval/score.ts';
import { graphOfLetters, type ReadOptions, readLetters } from '../ingest/pipeline.ts';
import { fileTimeout } from './file-timeout.ts';

export const EVAL_HELP = `innograph eval --gold DIR [--verbose] [--json] <letters...>

Extracts the letters and scores the result against the gold annotations in DIR
(one JSON file per letter, format of shared/gold/, rules of the annotation
guide): precision, recall and F1 per entity kind, for commitments, for the
header fields, and micro-averaged overall. Letters without a gold file are
skipped. --verbose lists every miss and every extra.

Options:
  --file-timeout S   reject a letter still being read after S seconds (default 120);
                     a rejected letter is named on stderr and not scored`;

export async function evalCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      gold: { type: 'string' },
      verbose: { type: 'boolean', short: 'v' },
      json: { type: 'boolean' },
      'file-timeout': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help || !values.gold || positionals.length === 0) {
    console.log(EVAL_HELP);
    return values.help ? 0 : 2;
  }
  const timeout = fileTimeout('eval', values['file-timeout']);
  if (timeout === null) return 2;
  const report = await evaluate(values.gold, positionals, { timeLimitMs: timeout * 1000 });
  for (const rejected of report.rejected) console.error(`✗ ${rejected}`);
  if (values.json) console.log(JSON.stringify(report, null, 2));
  else console.log(formatReport(report, values.verbose ?? false));
  return report.letters.length === 0 ? 1 : 0;
}

export interface EvalReport {
  letters: LetterScore[];
  kinds: Record<string, Tally>;
  commitments: Tally;
  overall: Tally;
  header: { fields: number; correct: number };
  /** The judge's header figure: the eight fields of shared/eval/score.mjs where the gold fills them. */
  filled: { fields: number; correct: number };
  /** Nodes matched to gold entities of different names in different letters (one node for two things). */
  wrongMerges: string[];
  unmatchedGold: string[];
  /** Letters that could not be read (file: reason), so not scored. */
  rejected: string[];
}

export async function evaluate(goldDir: string, paths: string[], options: ReadOptions = {}): Promise<EvalReport> {
  const golds = await readGoldDir(goldDir);
  const { letters, outcomes } = await readLetters(paths, undefined, options);
  const rejected = outcomes.filter((o) => o.status === 'rejected').map((o) => `${o.file}: ${o.problems.join('; ')}`);
  const graph = graphOfLetters(letters);
  const scores: LetterScore[] = [];
  const unmatchedGold: string[] = [];
  for (const gold of golds) {
    const score = scoreLetter(gold, graph);
    if (score) scores.push(score);
    else unmatchedGold.push(gold.file);
  }
  const zero = (): Tally => ({ gold: 0, found: 0, matched: 0 });
  const kinds: Record<string, Tally> = Object.fromEntries(ENTITY_KINDS.map((k) => [k, zero()]));
  let commitments = zero();
  const header = { fields: 0, correct: 0 };
  const filled = { fields: 0, correct: 0 };
  const goldNames = new Map<string, Set<string>>();
  for (const s of scores) {
    filled.fields += s.filled.fields;
    filled.correct += s.filled.correct;
    for (const [id, name] of s.matchedGold) goldNames.set(id, (goldNames.get(id) ?? new Set()).add(name));
    for (const k of ENTITY_KINDS) kinds[k] = addTally(kinds[k], s.kinds[k]);
    commitments = addTally(commitments, s.commitments);
    header.fields += s.header.fields;
    header.correct += s.header.correct;
  }
  const overall = [...Object.values(kinds), commitments].reduce(addTally, zero());
  const wrongMerges = [...goldNames]
    .filter(([, names]) => names.size > 1)
    .map(([id, names]) => `${id} = ${[...names].join(' | ')}`);
  return { letters: scores, kinds, commitments, overall, header, filled, wrongMerges, unmatchedGold, rejected };
}

const pct = (x: number) => `${(x * 100).toFixed(1).padStart(5)}%`;

export function formatReport(report: EvalReport, verbose: boolean): string {
  const row = (label: string, t: Tally) => {
    const s = f1(t);
    return `${label.padEnd(14)} ${String(t.gold).padStart(5)} ${String(t.found).padStart(6)} ${String(t.matched).padStart(8)}   ${pct(s.precision)} ${pct(s.recall)} ${pct(s.f1)}`;
  };
  const lines = [
    `Scored ${report.letters.length} letter(s): ${report.letters.map((l) => l.file).join(', ')}`,
    ...(report.unmatchedGold.length ? [`No letter given for gold file(s): ${report.unmatchedGold.join(', ')}`] : []),
    '',
    `${'kind'.padEnd(14)} ${'gold'.padStart(5)} ${'found'.padStart(6)} ${'matched'.padStart(8)}   precision recall     F1`,
    ...ENTITY_KINDS.map((k) => row(k, report.kinds[k])),
    row('Commitment', report.commitments),
    row('overall', report.overall),
    '',
    `header fields: ${report.header.correct}/${report.header.fields} correct (${pct(report.header.fields ? report.header.correct / report.header.fields : 1)})`,
    `header fields the gold fills (as shared/eval/score.mjs counts them): ${report.filled.correct}/${report.filled.fields} (${pct(report.filled.fields ? report.filled.correct / report.filled.fields : 1)})`,
    `wrong merges (one node matched to differently named gold entities): ${report.wrongMerges.length}${report.wrongMerges.length ? ` — ${report.wrongMerges.join('; ')}` : ''}`,
  ];
  for (const letter of report.letters) {
    for (const w of letter.header.wrong) lines.push(`  ${letter.file} ${w}`);
    if (!verbose) continue;
    lines.push('', `${letter.file}:`);
    for (const m of letter.misses) lines.push(`  miss   ${m.kind.padEnd(12)} ${m.name}`);
    for (const e of letter.extras) lines.push(`  extra  ${e.kind.padEnd(12)} ${e.name}`);
  }
  return lines.join('\n');
}
