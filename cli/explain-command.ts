import { parseArgs } from 'node:util';
import { type Explanation, explainFile, STAGE_NAMES } from '../ingest/explain/explain.ts';
import { explanationText } from '../ingest/explain/explain-text.ts';
import { storedReadings } from '../ingest/ingest-files.ts';
import type { StageName } from '../ingest/stages.ts';
import { openStoreFromEnv, readingCacheFor, storeOptionsHelp } from './store-config.ts';

export const EXPLAIN_HELP = `innograph explain [options] <file>...

Prints what each stage of ingest made of a letter, in order, so the stage that
misreads it is found in one step:
  read       the file's text (cleaned)
  page       which lines are the portal's chrome, its metadata, the letter
  header     doc number, proposal, proposers, issuer, date, kind … each with its source
  body       numbered sections, sentences, the next-steps part
  place      the place the letter speaks for, with its source, or why unknown
  mentions   names found, each with the rule that found it
  figures    commitments and achievements
  repeats    names other letters marked, found here bare
  resolution which thing each name is, and which names joined by which rule
  chains     ties to the four chains, with their basis and evidence
  graph      the letter's part of the graph

Options:
  --stage NAME   print one stage only
  --json         the stages' values as JSON (one document for all files)
  --with-store   run the archive stages (repeats, resolution, chains, graph) with
                 every stored letter, as an ingest of the file would
${storeOptionsHelp}
Exit code: 0 when every file was read, 1 when one could not be, 2 on a usage error.`;

export async function explainCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      stage: { type: 'string' },
      json: { type: 'boolean' },
      'with-store': { type: 'boolean' },
      store: { type: 'string' },
      data: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) return (console.log(EXPLAIN_HELP), 0);
  if (positionals.length === 0) {
    console.error(
      'innograph explain: name a letter file, e.g. innograph explain data/letters/000_c3f10cc589d1c01a.txt',
    );
    return 2;
  }
  const stage = values.stage ?? null;
  if (stage !== null && !STAGE_NAMES.includes(stage as StageName)) {
    console.error(`innograph explain: no stage "${stage}"; the stages are ${STAGE_NAMES.join(', ')}`);
    return 2;
  }
  let others: Awaited<ReturnType<typeof storedReadings>> = [];
  if (values['with-store']) {
    const store = await openStoreFromEnv(values);
    try {
      others = await storedReadings(store, { cache: readingCacheFor(values) });
    } finally {
      await store.close();
    }
  }
  const explanations: Explanation[] = [];
  for (const file of positionals) explanations.push(await explainFile(file, others));
  if (values.json) {
    const only = (e: Explanation) =>
      stage
        ? { ...e, letters: e.letters.map((l) => ({ ...l, stages: { [stage]: l.stages[stage as StageName] } })) }
        : e;
    console.log(
      JSON.stringify(explanations.map(only), (_key, value) => (value instanceof Set ? [...value] : value), 1),
    );
  } else {
    console.log(explanations.map((e) => explanationText(e, stage as StageName | null)).join('\n\n'));
  }
  const rejected = explanations.filter((e) => e.rejected !== null || e.letters.some((l) => l.stopped));
  for (const e of rejected) if (values.json && e.rejected) console.error(`✗ ${e.file}: ${e.rejected}`);
  return rejected.length > 0 ? 1 : 0;
}
