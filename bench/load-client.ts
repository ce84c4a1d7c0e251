/**
 * The load generator for the API benchmark, run as its own process: `clients`
 * concurrent loops POST one GraphQL query for `seconds`, and it prints the
 * latencies' percentiles as JSON. (autocannon reports p97.5 but not p95, so
 * the loops are timed here, exactly.)
 */
const [url, queryJson, clientsText, secondsText] = process.argv.slice(2);
const body = JSON.stringify({ query: JSON.parse(queryJson) });
const clients = Number(clientsText);
const until = performance.now() + Number(secondsText) * 1000;
const latencies: number[] = [];
let errors = 0;

async function loop(): Promise<void> {
  while (performance.now() < until) {
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
    latencies.push(performance.now() - started);
  }
}

await Promise.all(Array.from({ length: clients }, loop));
latencies.sort((a, b) => a - b);
const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0;
process.stdout.write(
  JSON.stringify({
    requests: latencies.length,
    errors,
    p50: at(0.5),
    p95: at(0.95),
    p99: at(0.99),
    rps: latencies.length / Number(secondsText),
  }),
);
