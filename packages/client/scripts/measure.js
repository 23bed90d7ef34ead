#!/usr/bin/env node
// Measures the client (not part of the tests; numbers depend on the machine):
//  1. bundle size (esbuild, minified, gzip) of getJob with token auth, and with the AK/SK signer;
//  2. time per call against a loopback server: raw fetch, plain openapi-fetch, getJob (token),
//     getJob (AK/SK), interleaved round by round in one run so machine noise hits all alike.
// Usage: pnpm --filter @cloud-jobs/client build && node scripts/measure.js [--rounds 60] [--calls 100]
// The ratio column is the median over rounds of (variant / raw fetch in the same round), which
// holds up better than a ratio of medians when other work comes and goes on the machine.
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { createServer } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";

const dist = fileURLToPath(new URL("../dist/index.js", import.meta.url));
const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const ROUNDS = arg("rounds", 60);
const CALLS = arg("calls", 100);
const PROJECT_ID = "0605768a6f80d5762f52c0150e726aa7";
const JOB_ID = "ff80808288d41e1b018990260955686a";

// ---- 1. bundle size -------------------------------------------------------------------------
const entries = {
  "openapi-fetch GET (reference)": `import createClient from "openapi-fetch";
    const c = createClient({ baseUrl: "https://evs.eu-de.otc.t-systems.com" });
    c.GET("/v1/{project_id}/jobs/{job_id}", { params: { path: { project_id: "p", job_id: "j" } } }).then(console.log);`,
  "createJobsClientCore (getJob only), token auth": `import { createJobsClientCore } from ${JSON.stringify(dist)};
    const c = createJobsClientCore({ service: "evs", region: "eu-de", projectId: "${PROJECT_ID}", auth: { token: "t" } });
    c.getJob("${JOB_ID}").then(console.log);`,
  "createJobsClientCore (getJob only), AK/SK auth": `import { createJobsClientCore } from ${JSON.stringify(dist)};
    const c = createJobsClientCore({ service: "evs", region: "eu-de", projectId: "${PROJECT_ID}", auth: { accessKey: "a", secretKey: "s" } });
    c.getJob("${JOB_ID}").then(console.log);`,
  "createJobsClient, getJob, token auth": `import { createJobsClient } from ${JSON.stringify(dist)};
    const c = createJobsClient({ service: "evs", region: "eu-de", projectId: "${PROJECT_ID}", auth: { token: "t" } });
    c.getJob("${JOB_ID}").then(console.log);`,
  "createJobsClient, getJob, AK/SK auth": `import { createJobsClient } from ${JSON.stringify(dist)};
    const c = createJobsClient({ service: "evs", region: "eu-de", projectId: "${PROJECT_ID}", auth: { accessKey: "a", secretKey: "s" } });
    c.getJob("${JOB_ID}").then(console.log);`,
  "createJobsClient, getJob + waitForJob": `import { createJobsClient } from ${JSON.stringify(dist)};
    const c = createJobsClient({ service: "evs", region: "eu-de", projectId: "${PROJECT_ID}", auth: { token: "t" } });
    c.getJob("${JOB_ID}").then(console.log); c.waitForJob("${JOB_ID}").then(console.log);`,
  "signRequest alone": `import { signRequest } from ${JSON.stringify(dist.replace(/index\.js$/, "signer.js"))};
    signRequest({ method: "GET", url: "https://h/x", headers: {} }, { accessKey: "a", secretKey: "s" }).then(console.log);`,
};

async function bundleSizes() {
  const dir = await mkdtemp(join(tmpdir(), "cj-measure-"));
  const rows = [];
  try {
    for (const [name, code] of Object.entries(entries)) {
      const file = join(dir, "entry.js");
      await writeFile(file, code);
      // Split chunks, as an app bundler would: a dynamic import (the signer) lands in its own chunk.
      const result = await build({
        entryPoints: [file],
        bundle: true,
        minify: true,
        format: "esm",
        platform: "browser",
        splitting: true,
        outdir: join(dir, "out"),
        write: false,
        nodePaths: [fileURLToPath(new URL("../node_modules", import.meta.url))],
        logLevel: "silent",
      });
      const files = result.outputFiles.map((f) => ({ entry: f.path.endsWith("entry.js"), min: f.contents.length, gz: gzipSync(f.contents).length }));
      const entry = files.find((f) => f.entry);
      const lazy = files.filter((f) => !f.entry);
      rows.push({
        bundle: name,
        "entry min": entry.min,
        "entry gzip": entry.gz,
        "lazy chunks gzip": lazy.reduce((n, f) => n + f.gz, 0),
        "total gzip": files.reduce((n, f) => n + f.gz, 0),
      });
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  return rows;
}

// ---- 2. time per call -----------------------------------------------------------------------
async function perCallTimes() {
  const { createJobsClient } = await import(dist);
  const { default: createClient } = await import("openapi-fetch");
  const body = JSON.stringify({
    status: "RUNNING",
    entities: { volume_id: "0b549095-4937-4849-8e4c-52aa027d64f7" },
    job_id: JOB_ID,
    job_type: "createVolume",
    begin_time: "2016-03-08T07:40:13.219Z",
    end_time: "",
    error_code: null,
    fail_reason: null,
  });
  const server = createServer((req, res) => {
    res.writeHead(200, { "content-type": "application/json", "content-length": Buffer.byteLength(body) });
    res.end(body);
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  const endpoint = `http://127.0.0.1:${server.address().port}`;
  const url = `${endpoint}/v1/${PROJECT_ID}/jobs/${JOB_ID}`;
  const token = createJobsClient({ service: "evs", projectId: PROJECT_ID, endpoint, auth: { token: "t0ken" } });
  const aksk = createJobsClient({ service: "evs", projectId: PROJECT_ID, endpoint, auth: { accessKey: "AK", secretKey: "SK" } });
  const plain = createClient({ baseUrl: endpoint });

  const variants = {
    "raw fetch": async () => (await fetch(url, { headers: { "X-Auth-Token": "t0ken", Accept: "application/json" } })).json(),
    "openapi-fetch GET": async () =>
      (await plain.GET("/v1/{project_id}/jobs/{job_id}", { params: { path: { project_id: PROJECT_ID, job_id: JOB_ID } }, headers: { "X-Auth-Token": "t0ken" } })).data,
    "getJob (token)": () => token.getJob(JOB_ID),
    "getJob (AK/SK)": () => aksk.getJob(JOB_ID),
  };
  const samples = Object.fromEntries(Object.keys(variants).map((k) => [k, []]));
  for (const run of Object.values(variants)) for (let i = 0; i < 50; i++) await run(); // warm-up
  for (let round = 0; round < ROUNDS; round++) {
    // A different order each round, so no variant always runs first (or right after GC).
    const order = Object.keys(variants).sort(() => Math.random() - 0.5);
    for (const name of order) {
      const start = performance.now();
      for (let i = 0; i < CALLS; i++) await variants[name]();
      samples[name].push(((performance.now() - start) / CALLS) * 1000);
    }
  }
  server.closeAllConnections();
  server.close();
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const raw = samples["raw fetch"];
  return Object.entries(samples).map(([name, xs]) => ({
    variant: name,
    "median µs/call": Math.round(median(xs)),
    "min µs/call": Math.round(Math.min(...xs)),
    "× raw fetch (median of per-round ratios)": median(xs.map((x, i) => x / raw[i])).toFixed(2),
  }));
}

console.log(`Node ${process.version}, ${ROUNDS} rounds × ${CALLS} calls per variant, loopback HTTP/1.1 keep-alive\n`);
console.log("Bundle size (bytes; esbuild --bundle --minify --format=esm --splitting, gzip -9 default level):");
console.table(await bundleSizes());
console.log("Time per call against a loopback server (interleaved):");
console.table(await perCallTimes());
