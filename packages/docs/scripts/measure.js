#!/usr/bin/env node
// Size of every HTML page of dist/ and its time to first render in headless Chromium.
// `pnpm --filter @cloud-jobs/docs measure [runs]` after a build. Not a test: the numbers depend on the machine.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { launchChromium } from "../lib/chromium.js";
import { DEFAULT_DOCS_ROOT, serveDocs } from "../lib/serve-docs.js";

const runs = Number(process.argv[2] ?? 5);
const files = readdirSync(DEFAULT_DOCS_ROOT).filter((f) => f.endsWith(".html")).sort();
const kib = (n) => `${(n / 1024).toFixed(1)} KiB`;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const docs = await serveDocs();
const chromium = await launchChromium();
const rows = [];
try {
  for (const file of files) {
    const html = readFileSync(join(DEFAULT_DOCS_ROOT, file));
    const fcp = [];
    const load = [];
    for (let i = 0; i < runs; i++) {
      const page = await chromium.context.newPage();
      const cdp = await chromium.context.newCDPSession(page);
      await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
      await page.goto(`${docs.url}${file}`, { waitUntil: "load" });
      const timing = await page.evaluate(async () => {
        // first-contentful-paint may be reported just after load.
        for (let t = 0; t < 50 && !performance.getEntriesByName("first-contentful-paint").length; t++) await new Promise((r) => setTimeout(r, 20));
        const paint = performance.getEntriesByName("first-contentful-paint")[0];
        const nav = performance.getEntriesByType("navigation")[0];
        return { fcp: paint ? paint.startTime : NaN, load: nav ? nav.loadEventEnd : NaN };
      });
      fcp.push(timing.fcp);
      load.push(timing.load);
      await page.close();
    }
    rows.push({ file, bytes: html.byteLength, gzip: gzipSync(html).byteLength, fcp: median(fcp), load: median(load) });
  }
} finally {
  await chromium.close();
  await docs.close();
}
console.log(`page                               size        gzip    first contentful paint    load   (median of ${runs}, headless Chromium, loopback)`);
for (const r of rows) {
  console.log(`${r.file.padEnd(32)} ${kib(r.bytes).padStart(11)} ${kib(r.gzip).padStart(11)} ${`${Math.round(r.fcp)} ms`.padStart(12)} ${`${Math.round(r.load)} ms`.padStart(16)}`);
}
const total = rows.reduce((n, r) => n + r.bytes, 0);
const totalGzip = rows.reduce((n, r) => n + r.gzip, 0);
console.log(`${"total HTML".padEnd(32)} ${kib(total).padStart(11)} ${kib(totalGzip).padStart(11)}`);
