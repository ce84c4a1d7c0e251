import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// The explorer: built into web/dist and served by `innograph serve`; in
// development (`npm run dev`) Vite serves it and proxies /graphql to the API.
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: './',
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 2000 },
  server: { proxy: { '/graphql': process.env.INNOGRAPH_API ?? 'http://127.0.0.1:4000' } },
});
