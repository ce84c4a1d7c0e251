import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { basename, dirname, extname, join, relative, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/**
 * The ingest worker's code as one prebuilt JavaScript file, built on first use (no build step for the user)
 * and kept under the digest of the sources it was built from. A worker that loads the TypeScript through tsx
 * transforms and links about a hundred modules through tsx's loader thread before it reads a letter: about
 * 0.4 s of CPU per worker on this machine, paid by every worker of every ingest (measured: 830 → 405 ms of
 * CPU from `new Worker` to ready, warm-up included). The bundle is rebuilt when any of its sources changes
 * (their digest names it), and when it cannot be built or stored the pool uses the TypeScript worker, which
 * reads letters the same way (tests/ingest/worker-bundle.test.ts).
 */
export interface BundleSpec {
  /** The folder the entry's relative imports and the packages are found from (the repository). */
  root: string;
  /** The worker's TypeScript entry, relative to root. */
  entry: string;
  /** Where bundles and their manifests are kept. Inside root's node_modules, so the bundle finds the packages. */
  cacheDir: string;
}

const ROOT = fileURLToPath(new URL('..', import.meta.url));

export const EXTRACT_WORKER: BundleSpec = {
  root: ROOT,
  entry: 'ingest/extract-worker.ts',
  cacheDir: join(ROOT, 'node_modules', '.cache', 'innograph'),
};

/** Bumped when the build's options change: a bundle built otherwise is not reused. */
const BUILD_FORMAT = 2;

/** Bundles unused this long are removed when a new one is built (a source edit leaves the old one behind). */
const STALE_MS = 30 * 24 * 3600 * 1000;

/** What a manifest keeps: the files the bundle was made of (relative to root) and their digest. */
interface Manifest {
  inputs: string[];
  digest: string;
}

/** The bundle's path, built now if its sources changed since it was built; null when it cannot be had. */
export async function workerBundle(spec: BundleSpec = EXTRACT_WORKER): Promise<string | null> {
  try {
    return (await keptBundle(spec)) ?? (await buildBundle(spec));
  } catch {
    // No esbuild, a read-only folder, a source that does not compile: the TypeScript worker does the same work.
    return null;
  }
}

/** The file that names the bundle of this entry in this folder (several checkouts may share node_modules). */
function manifestPath(spec: BundleSpec): string {
  const key = createHash('sha256').update(`${spec.root}\u0000${spec.entry}`).digest('hex').slice(0, 12);
  return join(spec.cacheDir, `${basename(spec.entry, '.ts')}-${key}.json`);
}

function bundlePath(spec: BundleSpec, digest: string): string {
  return join(spec.cacheDir, `${basename(spec.entry, '.ts')}-${digest}.mjs`);
}

async function keptBundle(spec: BundleSpec): Promise<string | null> {
  let manifest: Manifest;
  try {
    manifest = JSON.parse(await readFile(manifestPath(spec), 'utf8')) as Manifest;
  } catch {
    return null;
  }
  if (
    !Array.isArray(manifest.inputs) ||
    (await digestOf(manifest.inputs, (input) => readFile(join(spec.root, input)))) !== manifest.digest
  )
    return null;
  const file = bundlePath(spec, manifest.digest);
  try {
    // Marked as used, so that pruning (below) never takes a bundle a checkout still starts workers from.
    const now = new Date();
    await utimes(file, now, now);
    return file;
  } catch {
    return null;
  }
}

/**
 * The digest of a bundle's sources: each file's path and bytes, with the esbuild and Node versions that
 * build and run it. An input that is gone gives a digest no manifest holds.
 */
async function digestOf(inputs: string[], contentOf: (input: string) => Promise<Uint8Array>): Promise<string> {
  const { version } = await import('esbuild');
  const hash = createHash('sha256').update(`${BUILD_FORMAT}\u0000${version}\u0000${process.version}\u0000`);
  for (const input of [...inputs].sort()) {
    hash.update(`${input}\u0000`);
    try {
      hash.update(await contentOf(input));
    } catch {
      hash.update('\u0000missing\u0000');
    }
    hash.update('\u0000');
  }
  return hash.digest('hex').slice(0, 20);
}

const LOADERS: Record<string, 'ts' | 'js' | 'json'> = {
  '.ts': 'ts',
  '.mts': 'ts',
  '.js': 'js',
  '.mjs': 'js',
  '.json': 'json',
};

async function buildBundle(spec: BundleSpec): Promise<string> {
  const { build } = await import('esbuild');
  // The sources as esbuild read them: the digest is of exactly what was built, even if a file is edited meanwhile.
  const read = new Map<string, Uint8Array>();
  const result = await build({
    absWorkingDir: spec.root,
    entryPoints: [spec.entry],
    bundle: true,
    platform: 'node',
    format: 'esm',
    // The Node that runs it: import attributes (`with { type: 'json' }`) are kept as written.
    target: `node${process.versions.node}`,
    // Packages are loaded from node_modules as the TypeScript worker loads them (jieba is native).
    packages: 'external',
    // Class and function names as in the sources (errors carry their class's name).
    keepNames: true,
    metafile: true,
    write: false,
    logLevel: 'silent',
    plugins: [
      {
        name: 'kept-sources',
        setup(esbuild) {
          esbuild.onLoad({ filter: /\.(ts|mts|js|mjs|json)$/ }, async ({ path }) => {
            const contents = await readFile(path);
            read.set(relative(spec.root, path).split(sep).join('/'), contents);
            const loader = LOADERS[extname(path)];
            if (loader === 'json') return { contents, loader };
            // A module that finds its files from where it is (new URL('./data.txt', import.meta.url)) finds them
            // from the bundle too: its own URL is written in (the bundle lives elsewhere).
            return { contents: ownUrlIn(contents.toString('utf8'), pathToFileURL(path).href), loader };
          });
        },
      },
    ],
  });
  const inputs = Object.keys(result.metafile.inputs);
  const digest = await digestOf(inputs, async (input) => read.get(input) ?? readFile(join(spec.root, input)));
  const file = bundlePath(spec, digest);
  await mkdir(spec.cacheDir, { recursive: true });
  // Written under a temporary name and renamed: a process starting workers meanwhile sees a whole file or none.
  await writeAtomically(file, result.outputFiles[0].contents);
  await writeAtomically(manifestPath(spec), JSON.stringify({ inputs, digest } satisfies Manifest));
  await prune(spec.cacheDir, file);
  return file;
}

/** The module's source with `import.meta.url` (and its dirname and filename) as the module's own. */
function ownUrlIn(source: string, url: string): string {
  // import.meta.url · import.meta.dirname · import.meta.filename, as written in TypeScript or JavaScript.
  const IMPORT_META = /\bimport\.meta\.(url|dirname|filename)\b/g;
  const path = fileURLToPath(url);
  return source.replace(IMPORT_META, (_match, key: string) =>
    JSON.stringify(key === 'url' ? url : key === 'dirname' ? dirname(path) : path),
  );
}

async function writeAtomically(file: string, contents: string | Uint8Array): Promise<void> {
  const temp = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  await writeFile(temp, contents);
  await rename(temp, file);
}

async function prune(cacheDir: string, keep: string): Promise<void> {
  for (const name of await readdir(cacheDir)) {
    const file = join(cacheDir, name);
    if (file === keep || !name.endsWith('.mjs')) continue;
    try {
      if (Date.now() - (await stat(file)).mtimeMs > STALE_MS) await rm(file, { force: true });
    } catch {
      // Gone already (another process pruned it): nothing to do.
    }
  }
}
