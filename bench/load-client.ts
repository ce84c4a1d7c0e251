/**
 * The load generator for the API benchmark, run as its own process: `clients`
 * concurrent loops POST GraphQL queries, taking the given ones in turn, for
 * `seconds` (or, with `rounds`, one client asks each query that many times
 * over), and it prints the latencies' percentiles as JSON. (autocannon
 * reports p97.5 but not p95, so the loops are timed here, exactly.)
 */
const [url, queriesJson, clientsText, secondsText, roundsText] = process.argv.slice(2);
const bodies = (JSON.parse(queriesJson) as string[]).map((query) => JSON.stringify({ query }));
const clients = Number(clientsText);
const rounds = Number(roundsText ?? 0);
const until = performance.now() + Number(secondsText) * 1000;
const latencies: number[] = [];
let errors = 0;
let next = 0;
let first = -1;

async function ask(body: string): Promise<void> {
  const started = performance.now();
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-innograph': 'bench' },
      body,
    });
    const answer = (await response.json()) as { errors?: unknown[] };
    if (!response.ok || answer.errors) errors++;
  } catch {
    errors++;
  }
  const ms = performance.now() - started;
  if (first < 0) first = ms;
  latencies.push(ms);
}

async function loop(): Promise<void> {
  while (performance.now() < until) await ask(bodies[next++ % bodies.length]);
}

const started = performance.now();
if (rounds > 0) for (let r = 0; r < rounds; r++) for (const body of bodies) await ask(body);
else await Promise.all(Array.from({ length: clients }, loop));
const elapsed = (performance.now() - started) / 1000;
latencies.sort((a, b) => a - b);
const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0;
process.stdout.write(
  JSON.stringify({
    requests: latencies.length,
    errors,
    p50: at(0.5),
    p95: at(0.95),
    p99: at(0.99),
    max: latencies[latencies.length - 1] ?? 0,
    rps: latencies.length / elapsed,
    first,
  }),
);
