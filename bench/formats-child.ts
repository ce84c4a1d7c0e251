/**
 * The store-format measurement (bench/measure-formats.ts) in a process of its
 * own: at 30,000 letters it holds the graph several times over, past the
 * bench process's default heap (which it crashed). argv: the store's snapshot path.
 */
import { measureFormats } from './measure-formats.ts';

process.stdout.write(JSON.stringify(await measureFormats(process.argv[2])));
