import { isInnographError } from '../domain/errors.ts';
import { evalCommand } from './eval-command.ts';
import { ingestCommand } from './ingest-command.ts';
import { exportCommand, removeCommand, statsCommand } from './store-commands.ts';

const HELP = `innograph — a knowledge graph of innovation programmes from reply letters (答复函)

Usage: innograph <command> [options]

Commands:
  ingest <paths...>     read letters into the store (--dry-run --out graph.json to only extract)
  explain <file>        what each stage of ingest made of a letter (--stage NAME, --json)
  serve                 serve the GraphQL API at /graphql and the explorer at /
  eval --gold DIR <letters...>   score extraction against hand annotations
  stats                 counts of what the store holds
  export --out FILE     write the whole stored graph as GraphDocument JSON
  remove <source...>    remove letters (by file base name) from the store
  bench ...             benchmarks (see: innograph bench --help)

Run \`innograph <command> --help\` for a command's options.`;

type Command = (argv: string[]) => Promise<number>;

const COMMANDS: Record<string, () => Promise<Command>> = {
  ingest: async () => ingestCommand,
  explain: async () => (await import('./explain-command.ts')).explainCommand,
  eval: async () => evalCommand,
  stats: async () => statsCommand,
  export: async () => exportCommand,
  remove: async () => removeCommand,
  serve: async () => (await import('./serve-command.ts')).serveCommand,
  bench: async () => (await import('../bench/bench-command.ts')).benchCommand,
};

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    console.log(HELP);
    return name ? 0 : 2;
  }
  const load = COMMANDS[name];
  if (!load) {
    console.error(`innograph: unknown command "${name}"\n\n${HELP}`);
    return 2;
  }
  try {
    return await (
      await load()
    )(rest);
  } catch (error) {
    if (isInnographError(error)) {
      console.error(`innograph ${name}: ${error.message}`);
      return 2;
    }
    if (error instanceof TypeError && (error as NodeJS.ErrnoException).code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
      console.error(`innograph ${name}: ${error.message}; see innograph ${name} --help`);
      return 2;
    }
    throw error;
  }
}
