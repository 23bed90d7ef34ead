// Item 4: 10 000 concurrent waits in one process against the mock server, under
// the watcher's request-rate cap. The mock server runs here; the waits run in a
// fresh child process per run, so peak RSS belongs to the waits alone.
import { fork } from "node:child_process";
import { startMockServer } from "@cloud-jobs/mock-server";
import { BenchError } from "../lib/bench-error.js";
import { busiestWindow } from "../lib/busiest-window.js";
import { seededRandom } from "../wait/job-population.js";
import { PROJECT_ID, TOKEN } from "../per-call/job-body.js";
import { renderConcurrentWaits } from "./render-concurrent-waits.js";

/** @typedef {Awaited<ReturnType<typeof runOnce>>} WaitsRun */

/**
 * @param {{ waits: number, maxRequestsPerSecond: number, minDurationMs: number, maxDurationMs: number, seed: number }} plan
 */
async function runOnce(plan) {
  /** @type {number[]} */
  const answeredAt = [];
  const mock = await startMockServer({ log: (line) => line.startsWith("GET /v1/") && answeredAt.push(performance.now()) });
  try {
    const random = seededRandom(plan.seed);
    const jobIds = Array.from({ length: plan.waits }, (_, i) => {
      const durationMs = Math.round(plan.minDurationMs + random() * (plan.maxDurationMs - plan.minDurationMs));
      return mock.createJob({ service: "ecs", duration_ms: durationMs, sub_jobs: i % 2 === 0 ? 0 : 2 }).job_id;
    });
    const child = fork(new URL("./concurrent-waits-child.js", import.meta.url), [], { execArgv: [], stdio: ["ignore", "inherit", "inherit", "ipc"] });
    const result = await new Promise((resolve, reject) => {
      child.once("message", resolve);
      child.once("error", reject);
      child.once("exit", (code) => reject(new BenchError("WAITS_FAILED", `the waiting process exited with ${code} before reporting`)));
      child.send({ url: mock.url, projectId: PROJECT_ID, token: TOKEN, jobIds, maxRequestsPerSecond: plan.maxRequestsPerSecond });
    });
    const run = /** @type {{ waits: number, wallMs: number, requests: number, busiestSecond: number, busiestFetchSecond: number, meanRate: number, dispatchToFetchP50Ms: number, dispatchToFetchP99Ms: number, dispatchToFetchMaxMs: number, eventLoopDelayP99Ms: number, eventLoopDelayMaxMs: number, throttled: number, rssBefore: number, rssPeak: number, failures: number, firstFailure?: string }} */ (result);
    if (run.failures > 0) throw new BenchError("WAITS_FAILED", `${run.failures} of ${run.waits} waits did not end in SUCCESS; first: ${run.firstFailure}`, { failures: run.failures });
    if (run.busiestSecond > Math.floor(plan.maxRequestsPerSecond)) {
      throw new BenchError("CAP_EXCEEDED", `the watcher sent ${run.busiestSecond} requests in one second, over its cap of ${plan.maxRequestsPerSecond}`, { ...run });
    }
    return { ...run, serverBusiestSecond: busiestWindow(answeredAt) };
  } finally {
    await mock.close();
  }
}

/**
 * @param {{ quick: boolean }} options
 * @returns {Promise<import("../lib/section.js").SectionResult>}
 */
export async function runConcurrentWaits({ quick }) {
  const plan = quick
    ? { waits: 300, maxRequestsPerSecond: 150, minDurationMs: 1000, maxDurationMs: 3000 }
    : { waits: 10_000, maxRequestsPerSecond: 500, minDurationMs: 5000, maxDurationMs: 15_000 };
  const repeats = quick ? 1 : Number(process.env.REPEATS ?? 3);
  /** @type {WaitsRun[]} */
  const runs = [];
  for (let i = 1; i <= repeats; i++) runs.push(await runOnce({ ...plan, seed: i }));
  return renderConcurrentWaits(plan, runs);
}
