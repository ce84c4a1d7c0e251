import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** Runs a bench script (bench/NAME.ts) in its own Node process and parses the JSON it prints. */
export function childJson<T>(name: string, args: string[], nodeOptions: string[] = []): Promise<T> {
  const script = fileURLToPath(new URL(`./${name}.ts`, import.meta.url));
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...nodeOptions, '--import', 'tsx', script, ...args], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d));
    child.on('error', reject);
    child.on('exit', (code) => {
      if (code !== 0) return reject(new Error(`bench/${name}.ts exited with ${code}`));
      try {
        resolve(JSON.parse(out) as T);
      } catch (error) {
        reject(error);
      }
    });
  });
}
