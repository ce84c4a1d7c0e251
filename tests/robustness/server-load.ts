/**
 * The server under heavy requests that each stay within the query limits,
 * measured from outside: a served store in its own process, its resident
 * memory sampled from /proc every 20 ms, its CPU time read from /proc (wall
 * time on a shared machine grows with the load), each request timed. Not a test (no
 * wall-clock assertion): the figures of issue 23 and of the README.
 *
 *   node --import tsx tests/robustness/server-load.ts STORE.json [scenario…]
 *
 * Scenarios: aliases (20 aliases of overview(limit: 10000)), parallel (six
 * of those at once), bodies (four 100 MB request bodies at once), nested
 * (lists in lists: entities × neighbours × neighbours).
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { REPO_ROOT } from '../helpers/seeds.ts';

const overview = (i: number) =>
  `o${i}: overview(limit: 10000) { nodes { id kind name } edges { type source target } capped }`;

const SCENARIOS: Record<string, { queries: string[]; bodyBytes?: number; sized?: boolean }> = {
  aliases: { queries: [`{ ${Array.from({ length: 20 }, (_, i) => overview(i)).join(' ')} }`] },
  // The explorer's whole-graph view at its largest (?all=1&limit=10000) and at its default (5,000 things).
  'whole graph 10000': {
    queries: [
      '{ overview(limit: 10000) { nodes { id kind name aliases letterCount } edges { id type source target } capped } }',
    ],
  },
  'whole graph 5000': {
    queries: [
      '{ overview(limit: 5000) { nodes { id kind name aliases letterCount } edges { id type source target } capped } }',
    ],
  },
  parallel: { queries: Array(6).fill(`{ ${Array.from({ length: 20 }, (_, i) => overview(i)).join(' ')} }`) },
  // Within every static limit, but each thing's letters are an unsized list (a chain's are every letter).
  'unsized lists': {
    queries: [
      `{ ${[
        'Organization',
        'Platform',
        'Programme',
        'Policy',
        'Enterprise',
        'Person',
        'Chain',
        'Letter',
        'Proposal',
        'Indicator',
      ]
        .map((kind) => `${kind}: entities(kind: ${kind}, first: 200) { nodes { id letterIds aliases } }`)
        .join(' ')} }`,
    ],
  },
  'parallel whole graph': {
    queries: Array(6).fill(
      '{ overview(limit: 5000) { nodes { id kind name aliases letterCount } edges { id type source target } capped } }',
    ),
  },
  // Sent chunked (no Content-Length), so the server learns the size only by reading.
  bodies: { queries: Array(4).fill(''), bodyBytes: 100 * 2 ** 20 },
  'sized bodies': { queries: Array(4).fill(''), bodyBytes: 100 * 2 ** 20, sized: true },
  nested: {
    queries: [
      '{ entities(first: 200) { nodes { id neighbours(first: 500) { entity { id neighbours(first: 500) { entity { id name } } } } } } }',
    ],
  },
};

const rssMb = (pid: number) => {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)![1]) / 1024;
};

/** CPU time the server process has used, in ms (utime + stime, in clock ticks of 10 ms): unlike wall time, it does not grow with the machine's load. */
const cpuMs = (pid: number) => {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
};

function post(
  url: string,
  query: string,
  bodyBytes?: number,
  sized = false,
): Promise<{ status: number; ms: number; bytes: number; error?: string }> {
  const started = performance.now();
  return new Promise((resolve) => {
    const req = request(
      `${url}/graphql`,
      {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          accept: 'application/json',
          ...(bodyBytes && sized ? { 'content-length': bodyBytes } : {}),
        },
      },
      (res) => {
        let bytes = 0;
        let head = '';
        res.on('data', (chunk: Buffer) => {
          bytes += chunk.length;
          if (head.length < 300) head += chunk.toString('utf8', 0, 300);
        });
        res.on('end', () => {
          const code = /"code":"([A-Z_]+)"/.exec(head)?.[1];
          resolve({ status: res.statusCode ?? 0, ms: performance.now() - started, bytes, error: code });
        });
      },
    );
    req.on('error', (error) => resolve({ status: 0, ms: performance.now() - started, bytes: 0, error: error.message }));
    if (!bodyBytes) return void req.end(JSON.stringify({ query }));
    // A body far past the limit, sent in 1 MB chunks as a client would.
    const chunk = Buffer.alloc(2 ** 20, 'a');
    let sent = 0;
    const pump = () => {
      while (sent < bodyBytes) {
        sent += chunk.length;
        if (!req.write(chunk)) return void req.once('drain', pump);
      }
      req.end();
    };
    req.write('{"query":"');
    sent += 10;
    pump();
  });
}

async function serve(store: string): Promise<{ url: string; pid: number; stop: () => void }> {
  const child = spawn(
    process.execPath,
    [join(REPO_ROOT, 'bin/innograph.js'), 'serve', '--data', store, '--port', '0'],
    {
      cwd: REPO_ROOT,
      env: { ...process.env, NEO4J_URI: '' },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout.on('data', (d: Buffer) => {
      const found = /explorer (http:\/\/[^/\s]+)\//.exec(String(d));
      if (found) resolve(found[1]);
    });
    child.on('exit', (code) => reject(new Error(`server exited with ${code}`)));
  });
  return { url, pid: child.pid!, stop: () => child.kill('SIGTERM') };
}

const [store, ...wanted] = process.argv.slice(2);
for (const name of wanted.length > 0 ? wanted : Object.keys(SCENARIOS)) {
  const scenario = SCENARIOS[name];
  const server = await serve(store);
  // Loaded and warmed by one small query, so the figure is the heavy request's own cost.
  await post(server.url, '{ stats { letters nodes } }');
  await post(server.url, '{ overview(limit: 100) { nodes { id } } }');
  const base = rssMb(server.pid);
  const cpuBefore = cpuMs(server.pid);
  let peak = base;
  const sampler = setInterval(() => {
    peak = Math.max(peak, rssMb(server.pid));
  }, 20);
  const started = performance.now();
  const results = await Promise.all(
    scenario.queries.map((q) => post(server.url, q, scenario.bodyBytes, scenario.sized)),
  );
  const wall = performance.now() - started;
  clearInterval(sampler);
  peak = Math.max(peak, rssMb(server.pid));
  const cpu = cpuMs(server.pid) - cpuBefore;
  server.stop();
  console.log(
    JSON.stringify({
      scenario: name,
      requests: results.length,
      wallMs: Math.round(wall),
      serverCpuMs: cpu,
      slowestMs: Math.round(Math.max(...results.map((r) => r.ms))),
      statuses: results.map((r) => r.status),
      codes: results.map((r) => r.error ?? null),
      answerMb: Math.round(Math.max(...results.map((r) => r.bytes)) / 2 ** 20),
      baseRssMb: Math.round(base),
      addedRssMb: Math.round(peak - base),
    }),
  );
}
