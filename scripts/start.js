#!/usr/bin/env node
// `pnpm start`, after the build: the mock server on 127.0.0.1:4010 with a few simulated
// jobs of each service, the built docs (packages/docs/dist) on 127.0.0.1:4011, and what
// to try. A taken port is replaced by a free one. Ctrl-C (or SIGTERM) closes both.
//   node scripts/start.js [--port 4010] [--docs-port 4011] [--docs-dir packages/docs/dist]
import { once } from "node:events";
import { existsSync } from "node:fs";
import { createServer } from "node:http";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { startMockServer } from "@cloud-jobs/mock-server";
import sirv from "sirv";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const PROJECT_ID = "0605768a6f80d5762f52c0150e726aa7";
const CREDENTIALS = { token: "demo", accessKey: "DEMOACCESSKEY0000000", secretKey: "demo-secret-key-not-a-real-one" };
/** A few jobs per service, finishing within two minutes, some failing, some waiting in Huawei Cloud statuses. */
const JOBS = [
  { service: "ecs", job_type: "createServer", sub_jobs: 2, duration_ms: 60_000 },
  { service: "ecs", job_type: "createServer", sub_jobs: 1, duration_ms: 45_000, outcome: "FAIL" },
  { service: "bms", job_type: "baremetalBatchCreate", sub_jobs: 2, duration_ms: 90_000 },
  { service: "bms", job_type: "baremetalAttachVolume", duration_ms: 30_000, initial_status: "PENDING_PAYMENT" },
  { service: "evs", job_type: "batchCreateVolume", sub_jobs: 3, duration_ms: 30_000 },
  { service: "evs", job_type: "extendVolume", duration_ms: 40_000, initial_status: "WAITING_EXECUTE" },
  { service: "vbs", job_type: "bksCreateBackup", duration_ms: 120_000 },
  { service: "vbs", job_type: "bksRestoreBackup", sub_jobs: 1, duration_ms: 60_000, outcome: "FAIL" },
];

/** Runs `start(port)`, or `start(0)` (a free port) when `port` is taken. */
const onPortOrFree = (port, start) =>
  start(port).catch((error) => {
    if (error?.code !== "EADDRINUSE" || port === 0) throw error;
    return start(0);
  });

/** Serves `dir` with sirv on 127.0.0.1; resolves to `{ url, close }`. */
async function serveDocs(dir, port) {
  const files = sirv(dir, { etag: true });
  const server = createServer((req, res) => files(req, res, () => res.writeHead(404, { "Content-Type": "text/plain" }).end("not found\n")));
  await once(server.listen(port, "127.0.0.1"), "listening");
  return { url: `http://127.0.0.1:${server.address().port}/`, close: () => new Promise((done) => (server.close(() => done()), server.closeAllConnections())) };
}

function banner(mockUrl, docsUrl, docsDir, jobs) {
  const rows = jobs.map((j) => {
    const subs = j.sub_job_ids.length > 0 ? `, ${j.sub_job_ids.length} sub-job${j.sub_job_ids.length > 1 ? "s" : ""}` : "";
    return `    ${j.service}  ${j.job_type.padEnd(22)} ${j.job_id}  ${j.outcome} after ${(Date.parse(j.finishes_at) - Date.parse(j.created_at)) / 1000} s${subs}`;
  });
  const [evs, ecs] = ["evs", "ecs"].map((service) => jobs.find((j) => j.service === service));
  const [cli, common] = ["node packages/cli/bin/cloud-jobs.js", `--endpoint ${mockUrl} --project-id ${PROJECT_ID}`];
  return `
cloud-jobs is running on 127.0.0.1

  Mock job API   ${mockUrl}    (fixtures: GET /mock/fixtures; more jobs: POST /mock/jobs)
  API docs       ${docsUrl ? `${docsUrl}  (reference: ${docsUrl}reference.html)` : `not built (no ${docsDir}): run pnpm --filter @cloud-jobs/docs build, then start again`}

  Simulated jobs (any project id; they move on their own):
${rows.join("\n")}

  Try, from the repository root:
    OS_AUTH_TOKEN=${CREDENTIALS.token} ${cli} wait ${evs.job_id} --service evs ${common}
    OS_ACCESS_KEY=${CREDENTIALS.accessKey} OS_SECRET_KEY=${CREDENTIALS.secretKey} ${cli} get ${ecs.job_id} --service ecs ${common}
  or without the CLI:
    curl -s -H 'X-Auth-Token: ${CREDENTIALS.token}' ${mockUrl}/v1/${PROJECT_ID}/jobs/${evs.job_id}

  AK/SK signatures are verified against the pair above. Press Ctrl-C to stop.
`;
}

let values;
try {
  ({ values } = parseArgs({ options: { port: { type: "string", default: "4010" }, "docs-port": { type: "string", default: "4011" }, "docs-dir": { type: "string" } } }));
  for (const name of ["port", "docs-port"]) {
    if (!/^\d{1,5}$/.test(values[name]) || Number(values[name]) > 65535) throw new Error(`--${name} must be a port number 0–65535, got ${values[name]}`);
  }
} catch (error) {
  console.error(`start: ${error.message}\nUsage: node scripts/start.js [--port 4010] [--docs-port 4011] [--docs-dir DIR]`);
  process.exit(2);
}
const docsDir = values["docs-dir"] ?? join(ROOT, "packages", "docs", "dist");
const mock = await onPortOrFree(Number(values.port), (port) => startMockServer({ port, accessKey: CREDENTIALS.accessKey, secretKey: CREDENTIALS.secretKey }));
const docs = existsSync(join(docsDir, "index.html")) ? await onPortOrFree(Number(values["docs-port"]), (port) => serveDocs(docsDir, port)) : undefined;
const jobs = JOBS.map((input) => mock.createJob(input));
console.log(banner(mock.url, docs?.url, docsDir, jobs));

const stop = () => Promise.all([mock.close(), docs?.close()]).then(() => (console.log("stopped: mock server and docs server closed"), process.exit(0)));
process.once("SIGINT", stop).once("SIGTERM", stop);
