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

/** A run that takes longer than this is broken, not slow (one takes about 30 s). */
const CHILD_TIMEOUT_MS = 240_000;

/** Time kept free after item 4 for the root build (item 5), which runs last. */
const RESERVE_FOR_BUILD_MS = 75_000;

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
      const timer = setTimeout(() => {
        child.kill();
        reject(new BenchError("WAITS_FAILED", `the waits did not end within ${CHILD_TIMEOUT_MS / 1000} s`));
      }, CHILD_TIMEOUT_MS);
      child.once("message", (message) => (clearTimeout(timer), resolve(message)));
      child.once("error", (error) => (clearTimeout(timer), reject(error)));
      child.once("exit", (code) => (clearTimeout(timer), reject(new BenchError("WAITS_FAILED", `the waiting process exited with ${code} before reporting`))));
      child.send({ url: mock.url, projectId: PROJECT_ID, token: TOKEN, jobIds, maxRequestsPerSecond: plan.maxRequestsPerSecond });
    });
    const run = /** @type {{ waits: number, wallMs: number, requests: number, busiestSecond: number, busiestTenthDispatched: number, busiestFetchSecond: number, meanRate: number, dispatchToFetchP50Ms: number, dispatchToFetchP99Ms: number, dispatchToFetchMaxMs: number, eventLoopDelayP99Ms: number, eventLoopDelayMaxMs: number, throttled: number, rssBefore: number, rssPeak: number, failures: number, firstFailure?: string }} */ (result);
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
 * @param {{ quick: boolean, deadline: number }} options `deadline`: performance.now() by which the whole
 *   bench should be done; a third run starts only if it leaves time for the build
 * @returns {Promise<import("../lib/section.js").SectionResult>}
 */
export async function runConcurrentWaits({ quick, deadline }) {
  const plan = quick
    ? { waits: 300, maxRequestsPerSecond: 150, minDurationMs: 1000, maxDurationMs: 3000 }
    : { waits: 10_000, maxRequestsPerSecond: 500, minDurationMs: 5000, maxDurationMs: 15_000 };
  const [minRuns, maxRuns] = quick ? [1, 1] : [2, 3];
  /** @type {WaitsRun[]} */
  const runs = [];
  let lastMs = 0;
  while (runs.length < maxRuns && (runs.length < minRuns || performance.now() + lastMs < deadline - RESERVE_FOR_BUILD_MS)) {
    const t0 = performance.now();
    runs.push(await runOnce({ ...plan, seed: runs.length + 1 }));
    lastMs = performance.now() - t0;
  }
  return renderConcurrentWaits(plan, runs);
}
