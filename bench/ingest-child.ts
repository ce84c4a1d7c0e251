/**
 * One ingest measurement in a process of its own (bench/measure-ingest.ts),
 * so that its peak memory is this size's alone and not the high-water mark
 * of every size measured before it in the bench's process.
 * argv: corpus folder, store snapshot path; prints the figures as JSON on stdout.
 */
import { progressPrinter } from '../cli/progress.ts';
import { measureIngest } from './measure-ingest.ts';

const [corpus, snapshot, label] = process.argv.slice(2);
const figures = await measureIngest(corpus, snapshot, progressPrinter(label ?? 'extracting'));
process.stdout.write(JSON.stringify(figures));
