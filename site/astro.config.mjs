// The static catalog: built from data/crawled and data/classified into dist/ at the repository root.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'astro/config';

// pages read the catalog from here at build time (tests point it at a fixture catalog)
process.env.TOOLRISK_DATA ??= fileURLToPath(new URL('../data', import.meta.url));
// the methodology page measures the rules on the labelled sets in the repository's tests/ (bundled code cannot find them itself)
process.env.TOOLRISK_REPO_ROOT ??= fileURLToPath(new URL('..', import.meta.url));

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  outDir: process.env.TOOLRISK_OUT_DIR ?? fileURLToPath(new URL('../dist', import.meta.url)),
  output: 'static',
  trailingSlash: 'always',
  build: { format: 'directory', concurrency: Number(process.env.TOOLRISK_BUILD_CONCURRENCY ?? 4) },
  site: process.env.TOOLRISK_SITE_URL ?? 'http://localhost:4321',
  server: { port: 4321, host: '127.0.0.1' },
  preview: { port: 4321, host: '127.0.0.1' },
  devToolbar: { enabled: false },
});
