// The client's scenarios, as one file that Node, Bun and Deno run (through
// run-scenarios.js) and that a Chromium page imports: same code everywhere,
// only `@cloud-jobs/client` is resolved differently (node_modules, or the
// page's import map pointing at the browser bundle). Plain JavaScript so that
// every runtime loads it as it is, with nothing but the public API.
import { createJobsClient } from "@cloud-jobs/client";

/** The key pair the mock server verifies signatures against. */
export const KEYS = { accessKey: "RUNTIMEAK", secretKey: "runtime-secret-key" };
export const PROJECT_ID = "0123456789abcdef0123456789abcdef";

/** Name and version of the runtime this runs in. */
export function runtimeName() {
  if (globalThis.Deno) return `deno ${globalThis.Deno.version.deno}`;
  if (globalThis.Bun) return `bun ${globalThis.Bun.version}`;
  if (globalThis.process?.versions?.node) return `node ${globalThis.process.versions.node}`;
  return `chromium ${/Chrome\/([\d.]+)/.exec(globalThis.navigator.userAgent)?.[1]}`;
}

async function createJob(endpoint, body) {
  const response = await fetch(`${endpoint}/mock/jobs`, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });
  if (response.status !== 201) throw new Error(`POST /mock/jobs answered ${response.status}: ${await response.text()}`);
  return (await response.json()).job_id;
}

/** What a scenario ended with: a value, or the error's name, code and message. */
async function outcome(run) {
  try {
    return { ok: true, value: await run() };
  } catch (error) {
    return { ok: false, error: { name: error?.name, code: error?.code, status: error?.status, message: String(error?.message ?? error) } };
  }
}

/**
 * Runs every scenario against the mock server at `endpoint` and reports each
 * outcome (never throws, so one broken scenario does not hide the others).
 */
export async function runScenarios(endpoint) {
  const client = (auth) => createJobsClient({ service: "evs", projectId: PROJECT_ID, endpoint, auth });
  const token = client({ token: "runtime-token" });
  const signed = client(KEYS);
  const jobId = await createJob(endpoint, { service: "evs", job_type: "createVolume", duration_ms: 60_000, sub_jobs: 0, outcome: "SUCCESS" });
  const quickJobId = await createJob(endpoint, { service: "evs", job_type: "batchCreateVolume", duration_ms: 1_500, sub_jobs: 2, outcome: "SUCCESS" });
  const view = (job) => ({ job_id: job.job_id, job_type: job.job_type, status: job.status });
  const polls = [];
  return {
    runtime: runtimeName(),
    jobId,
    quickJobId,
    tokenGetJob: await outcome(async () => view(await token.getJob(jobId))),
    signedGetJob: await outcome(async () => view(await signed.getJob(jobId))),
    wrongSecretKey: await outcome(async () => view(await client({ ...KEYS, secretKey: "not-the-secret-key" }).getJob(jobId))),
    signedWaitForJob: await outcome(async () => {
      const job = await signed.waitForJob(quickJobId, { timeoutMs: 30_000, onProgress: (p) => polls.push(p.status) });
      return { ...view(job), polls };
    }),
  };
}
