import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * Starts and stops the Neo4j of Launcher.java from Node: Maven resolves Neo4j
 * Community (from Maven Central into ~/.m2, on first use only), javac compiles
 * the one class, and `java` runs it with Bolt on 127.0.0.1, no auth and a
 * temporary data directory. Used by the tests (tests/setup/neo4j.ts), the
 * benchmark and `npm run neo4j`.
 */
export const LAUNCHER_DIR = fileURLToPath(new URL('./', import.meta.url));
const POM = `${LAUNCHER_DIR}pom.xml`;
const SOURCE_DIR = `${LAUNCHER_DIR}src/main/java/innograph/`;
/** The launcher's classes: Launcher (the DBMS), FirstLoadImport (the importer's endpoint), LauncherProcedures. */
const SOURCES = readdirSync(SOURCE_DIR)
  .filter((f) => f.endsWith('.java'))
  .map((f) => `${SOURCE_DIR}${f}`);
const TARGET = `${LAUNCHER_DIR}target/`;
const CLASSPATH_FILE = `${TARGET}classpath.txt`;
const CLASS_FILE = `${TARGET}classes/innograph/Launcher.class`;

/** The JVM flags: small memory, and the module openings Neo4j 5 needs on Java 17+ (as Neo4j's own scripts pass). */
export const JVM_FLAGS = [
  '-Xms128m',
  '-Xmx768m',
  '-XX:+UseSerialGC',
  '-Dfile.encoding=UTF-8',
  '--add-opens=java.base/java.nio=ALL-UNNAMED',
  '--add-opens=java.base/java.io=ALL-UNNAMED',
  '--add-opens=java.base/sun.nio.ch=ALL-UNNAMED',
  '--add-opens=java.base/java.lang=ALL-UNNAMED',
];

/** The Neo4j version the launcher runs: pom.xml's neo4j.version, the project's one place for it. */
export function neo4jVersion(): string {
  const match = /<neo4j\.version>([^<]+)<\/neo4j\.version>/.exec(readFileSync(POM, 'utf8'));
  if (!match) throw new Error(`${POM} names no neo4j.version`);
  return match[1];
}

/** Why this machine cannot run the launcher (no java, javac or mvn on PATH), or null when it can. */
export function missingTools(): string | null {
  const missing = [
    ['java', '-version'],
    ['javac', '-version'],
    ['mvn', '-v'],
  ]
    .filter(([tool, flag]) => spawnSync(tool, [flag], { stdio: 'ignore' }).status !== 0)
    .map(([tool]) => tool);
  return missing.length === 0
    ? null
    : `${missing.join(', ')} not found on PATH (the test Neo4j needs a JDK 17+ and Maven 3.8+)`;
}

const newer = (a: string, b: string) => !existsSync(b) || statSync(a).mtimeMs > statSync(b).mtimeMs;

/** Resolves Neo4j with Maven (downloading it the first time) and compiles the launcher, each only when out of date. */
export function prepareLauncher(log: (line: string) => void = () => {}): string {
  const jarsGone = () =>
    !readFileSync(CLASSPATH_FILE, 'utf8')
      .trim()
      .split(':')
      .every((jar) => existsSync(jar));
  if (newer(POM, CLASSPATH_FILE) || jarsGone()) {
    log(`neo4j-launcher: Maven resolves Neo4j ${neo4jVersion()} (the first time it downloads about 150 MB into ~/.m2)`);
    const started = performance.now();
    const mvn = spawnSync(
      'mvn',
      ['-q', '-B', '-f', POM, 'dependency:build-classpath', `-Dmdep.outputFile=${CLASSPATH_FILE}`],
      { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] },
    );
    if (mvn.status !== 0 || !existsSync(CLASSPATH_FILE))
      throw new Error(`mvn could not resolve Neo4j:\n${(mvn.stdout + mvn.stderr).slice(-3000)}`);
    log(`neo4j-launcher: Maven done in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  }
  const classpath = readFileSync(CLASSPATH_FILE, 'utf8').trim();
  if (SOURCES.some((source) => newer(source, CLASS_FILE)) || newer(CLASSPATH_FILE, CLASS_FILE)) {
    const javac = spawnSync(
      'javac',
      ['-nowarn', '-Xlint:-removal', '-d', `${TARGET}classes`, '-cp', classpath, ...SOURCES],
      { encoding: 'utf8' },
    );
    if (javac.status !== 0) throw new Error(`javac could not compile ${SOURCE_DIR}:\n${javac.stderr}`);
  }
  return `${TARGET}classes:${classpath}`;
}

export interface RunningNeo4j {
  /** bolt://127.0.0.1:PORT */
  uri: string;
  pid: number;
  /** From spawning java to Bolt answering (Maven and javac not counted). */
  startupMs: number;
  /** Sends SIGTERM and waits for a clean exit (SIGKILL after `graceMs`). */
  stop(graceMs?: number): Promise<void>;
}

export interface StartOptions {
  /** 0 (the default) lets the server pick a free port. */
  port?: number;
  /** Keep the data here instead of in a temporary directory. */
  data?: string;
  /** The server exits when this process has gone (default: this Node process), so a killed test run leaves no JVM behind. */
  parent?: number;
  log?: (line: string) => void;
  timeoutMs?: number;
  /** Java heap and Neo4j page cache; the defaults (768 and 64 MiB) suit the tests, a benchmark of 10,000 letters wants more. */
  heapMb?: number;
  pageCacheMb?: number;
  /** The heap of the batch importer's own JVM (a first load, FirstLoadImport.java); by default the JVM's own choice. */
  importHeapMb?: number;
}

/** Starts the launcher and resolves once it prints its Bolt URI. */
export async function startNeo4j(options: StartOptions = {}): Promise<RunningNeo4j> {
  const log = options.log ?? (() => {});
  const classpath = prepareLauncher(log);
  const flags = JVM_FLAGS.map((flag) => (flag.startsWith('-Xmx') && options.heapMb ? `-Xmx${options.heapMb}m` : flag));
  const args = [
    ...flags,
    '-cp',
    classpath,
    'innograph.Launcher',
    '--port',
    String(options.port ?? 0),
    '--parent',
    String(options.parent ?? process.pid),
  ];
  if (options.pageCacheMb) args.push('--page-cache-mb', String(options.pageCacheMb));
  if (options.importHeapMb) args.push('--import-heap-mb', String(options.importHeapMb));
  if (options.data) args.push('--data', options.data);
  const started = performance.now();
  const child = spawn('java', args, { stdio: ['ignore', 'pipe', 'pipe'] });
  const output: string[] = [];
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let ready = () => {};
  const uri = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(
      () => fail(new Error(`Neo4j did not answer within ${(options.timeoutMs ?? 180_000) / 1000} s`)),
      options.timeoutMs ?? 180_000,
    );
    const fail = (error: Error) => {
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(new Error(`${error.message}\n${output.slice(-40).join('\n')}`));
    };
    const onLine = (line: string) => {
      output.push(line);
      if (line.startsWith('neo4j-launcher:')) log(line);
      const ready = /^neo4j-launcher: ready (bolt:\/\/\S+)/.exec(line);
      if (ready) {
        clearTimeout(timer);
        resolve(ready[1]);
      }
    };
    lines(child, 'stdout', onLine);
    lines(child, 'stderr', (line) => output.push(line));
    child.once('error', (error) => fail(error));
    const early = (code: number | null, signal: string | null) =>
      fail(new Error(`the Neo4j launcher exited (${signal ?? `code ${code}`}) before it was ready`));
    child.once('exit', early);
    ready = () => child.off('exit', early);
  });
  ready();
  const pid = child.pid!;
  return {
    uri,
    pid,
    startupMs: performance.now() - started,
    async stop(graceMs = 30_000) {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const killer = setTimeout(() => child.kill('SIGKILL'), graceMs);
      await exited;
      clearTimeout(killer);
    },
  };
}

function lines(child: ChildProcess, stream: 'stdout' | 'stderr', onLine: (line: string) => void): void {
  let rest = '';
  child[stream]!.setEncoding('utf8');
  child[stream]!.on('data', (chunk: string) => {
    const parts = (rest + chunk).split('\n');
    rest = parts.pop()!;
    for (const line of parts) onLine(line);
  });
}
