import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The example queries of api/examples/, offered in GraphiQL and at /examples, and run by a test. */
export interface ExampleQuery {
  name: string;
  title: string;
  query: string;
}

const DIR = fileURLToPath(new URL('./examples/', import.meta.url));

export function exampleQueries(): ExampleQuery[] {
  return readdirSync(DIR)
    .filter((f) => f.endsWith('.graphql'))
    .sort()
    .map((file) => {
      const query = readFileSync(`${DIR}${file}`, 'utf8');
      const title = /^# (.+)$/m.exec(query)?.[1] ?? file;
      return { name: /query (\w+)/.exec(query)?.[1] ?? file, title, query };
    });
}

/** One document with every example: GraphiQL's run button lets the user pick the operation. */
export function examplesDocument(): string {
  return [
    '# innograph example queries: press the run button and pick one.',
    '# Every thing has mentions { letter sentence { text } }: the sentence that says so.',
    '',
    ...exampleQueries().map((e) => e.query),
  ].join('\n');
}
