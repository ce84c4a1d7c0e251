import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';

/**
 * Serves the built explorer (web/dist). Paths cannot leave the folder; an
 * unknown path without an extension gets index.html (the page keeps its state
 * in the URL). Without a build, / explains how to make one.
 */
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.map': 'application/json',
  '.woff2': 'font/woff2',
};

const NO_BUILD = `<!doctype html><meta charset="utf-8"><title>innograph</title>
<p>The explorer has not been built. Run <code>npm run build</code>, then reload. The GraphQL API is at <a href="/graphql">/graphql</a>.</p>`;

export async function serveStatic(root: string, request: IncomingMessage, response: ServerResponse): Promise<boolean> {
  if (request.method !== 'GET' && request.method !== 'HEAD') return false;
  const url = new URL(request.url ?? '/', 'http://localhost');
  const base = resolve(root);
  let path = resolve(join(base, normalize(decodeURIComponent(url.pathname))));
  if (path !== base && !path.startsWith(base + sep)) return false;
  let info = await stat(path).catch(() => null);
  if (info?.isDirectory()) {
    path = join(path, 'index.html');
    info = await stat(path).catch(() => null);
  }
  if (!info && extname(url.pathname) === '') {
    path = join(base, 'index.html');
    info = await stat(path).catch(() => null);
    if (!info) {
      response.writeHead(200, { 'content-type': TYPES['.html'] }).end(NO_BUILD);
      return true;
    }
  }
  if (!info) return false;
  const immutable = path.includes(`${sep}assets${sep}`);
  response.writeHead(200, {
    'content-type': TYPES[extname(path)] ?? 'application/octet-stream',
    'content-length': info.size,
    'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
    'x-content-type-options': 'nosniff',
  });
  if (request.method === 'HEAD') response.end();
  else createReadStream(path).pipe(response);
  return true;
}
