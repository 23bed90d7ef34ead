#!/usr/bin/env node
// Builds the docs site into dist/ (run through `pnpm build`, which compiles src/ to lib/ first).
import { buildSite } from "../lib/build-site.js";

const started = performance.now();
try {
  const files = await buildSite();
  const kib = (n) => `${(n / 1024).toFixed(1)} KiB`;
  for (const f of files) console.log(`  ${f.file.padEnd(36)} ${kib(f.bytes).padStart(12)}`);
  const html = files.filter((f) => f.file.endsWith(".html")).reduce((n, f) => n + f.bytes, 0);
  console.log(`docs: ${files.length} files, HTML ${kib(html)}, in ${Math.round(performance.now() - started)} ms → dist/`);
} catch (error) {
  console.error(`docs build failed: ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`);
  process.exitCode = 1;
}
