// Item 4: 10 000 concurrent waits in one process against the mock server, under
// the watcher's request-rate cap. The mock server runs here; the waits run in a
// fresh child process per run, so peak RSS belongs to the waits alone.
import { fork } from "node:child_process";
import { startMockServer } from "@cloud-jobs/mock-server";
import { busiestWindow, summarize } from "../lib/measure.js";
import { BenchError, num, spread, table } from "../lib/report.js";
import { PROJECT_ID, TOKEN } from "../per-call/loopback.js";
import { seededRandom } from "../wait.js";

/** @typedef {Awaited<ReturnType<typeof runOnce>>} WaitsRun */

/** @param {{ waits: number, maxRequestsPerSecond: number, minDurationMs: number, maxDurationMs: number }} plan @param {WaitsRun[]} runs @returns {import("../lib/report.js").SectionResult} */
export function renderConcurrentWaits(plan, runs) {
  const s = (/** @type {(r: WaitsRun) => number} */ pick) => summarize(runs.map(pick));
  const mb = { unit: "MB", decimals: 0, scale: (/** @type {number} */ v) => v / 1_000_000 };
  const busiest = s((r) => r.busiestSecond);
  const burst = s((r) => r.busiestTenthDispatched);
  const rows = [
    ["wall time (all waits ended)", spread(s((r) => r.wallMs / 1000), { unit: "s", decimals: 1 })],
    ["requests sent", spread(s((r) => r.requests), { decimals: 0 })],
    ["requests per wait", spread(s((r) => r.requests / r.waits), { decimals: 2 })],
    // A sliding one-second cap allows up to cap × (T + 1) requests in T seconds, so this may top the cap a little.
    ["requests ÷ wall time", spread(s((r) => r.meanRate), { unit: "/s", decimals: 0 })],
    ["busiest 1-s window, as dispatched by the watcher", `${spread(busiest, { decimals: 0 })} (cap ${plan.maxRequestsPerSecond})`],
    ["busiest 100-ms window, as dispatched by the watcher", spread(s((r) => r.busiestTenthDispatched), { decimals: 0 })],
    ["busiest 1-s window, as handed to fetch by the client", spread(s((r) => r.busiestFetchSecond), { decimals: 0 })],
    ["busiest 1-s window, as answered by the server", spread(s((r) => r.serverBusiestSecond), { decimals: 0 })],
    ["dispatch → fetch, p50 / p99 / max", `${spread(s((r) => r.dispatchToFetchP50Ms), { unit: "ms", decimals: 1 })} / ${spread(s((r) => r.dispatchToFetchP99Ms), { unit: "ms", decimals: 0 })} / ${spread(s((r) => r.dispatchToFetchMaxMs), { unit: "ms", decimals: 0 })}`],
    ["event-loop delay of the waiting process, p99 / max", `${spread(s((r) => r.eventLoopDelayP99Ms), { unit: "ms", decimals: 0 })} / ${spread(s((r) => r.eventLoopDelayMaxMs), { unit: "ms", decimals: 0 })}`],
    ["peak RSS of the waiting process", spread(s((r) => r.rssPeak), mb)],
    ["RSS before the waits started", spread(s((r) => r.rssBefore), mb)],
    ["peak RSS per wait, above that", spread(s((r) => (r.rssPeak - r.rssBefore) / r.waits), { unit: "KB", decimals: 1, scale: (v) => v / 1000 })],
    ["heap per wait once all waits started (after a full GC)", spread(s((r) => r.heapPerWaitStarted), { unit: "B", decimals: 0 })],
    ["heap still held after the waits ended and close()", spread(s((r) => r.heapAfterClose), { unit: "KB", decimals: 0, scale: (v) => v / 1000 })],
    ["429 answers", spread(s((r) => r.throttled), { decimals: 0 })],
  ];
  const markdown = [
    `${num(plan.waits, 0)} waits on one \`createJobWatcher\` (cap \`maxRequestsPerSecond: ${plan.maxRequestsPerSecond}\`, default adaptive policy), one cloud-jobs client with token auth, in a fresh node process per run; the mock server (\`startMockServer\`, in the bench process) simulates ${num(plan.waits, 0)} ECS jobs created just before, lasting ${plan.minDurationMs / 1000}–${plan.maxDurationMs / 1000} s (uniform), every other one with 2 sub-jobs. Every wait must end in SUCCESS, and no one-second window of dispatched requests may hold more than the cap — otherwise the run fails. ${runs.length} ${runs.length === 1 ? "run" : "runs"}; median [p25–p75]:`,
    "",
    table(["figure", "value"], rows),
    "",
    `The cap held in every run: at most ${num(busiest.max, 0)} requests were dispatched in any one-second window against a cap of ${plan.maxRequestsPerSecond}. The server-side count is stamped when each answer has been sent, so it also holds requests that the busy waiting process dispatched in one second but only put on the wire in the next: a server that counts arrivals can see more than the cap in a second even though the watcher kept it. ${
      burst.median > plan.maxRequestsPerSecond / 2
        ? `The cap is a sliding one-second budget that may be spent at once: up to ${num(burst.max, 0)} polls went out within 100 ms, and the waiting process then needed up to ${num(s((r) => r.dispatchToFetchMaxMs).max, 0)} ms to hand them all to fetch.`
        : `Polls were spread out: at most ${num(burst.max, 0)} went out within any 100 ms.`
    }`,
  ].join("\n");
  return { title: "4. 10,000 concurrent waits in one process", markdown, goals: [] };
}

/** A run that takes longer than this is broken, not slow (one takes about 30 s). */
const CHILD_TIMEOUT_MS = 240_000;

/** Time kept free after item 4 for the root build (item 5), which runs last. */
const RESERVE_FOR_BUILD_MS = 75_000;

/** @param {{ waits: number, maxRequestsPerSecond: number, minDurationMs: number, maxDurationMs: number, seed: number }} plan */
async function runOnce(plan) {
  const answeredAt = /** @type {number[]} */ ([]);
  const mock = await startMockServer({ log: (line) => line.startsWith("GET /v1/") && answeredAt.push(performance.now()) });
  try {
    const random = seededRandom(plan.seed);
    const jobIds = Array.from({ length: plan.waits }, (_, i) => {
      const durationMs = Math.round(plan.minDurationMs + random() * (plan.maxDurationMs - plan.minDurationMs));
      return mock.createJob({ service: "ecs", duration_ms: durationMs, sub_jobs: i % 2 === 0 ? 0 : 2 }).job_id;
    });
    const child = fork(new URL("./concurrent-waits-child.js", import.meta.url), [], { execArgv: ["--expose-gc"], stdio: ["ignore", "inherit", "inherit", "ipc"] });
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
    const run = /** @type {{ waits: number, wallMs: number, requests: number, busiestSecond: number, busiestTenthDispatched: number, busiestFetchSecond: number, meanRate: number, dispatchToFetchP50Ms: number, dispatchToFetchP99Ms: number, dispatchToFetchMaxMs: number, eventLoopDelayP99Ms: number, eventLoopDelayMaxMs: number, throttled: number, heapPerWaitStarted: number, heapAfterClose: number, rssBefore: number, rssPeak: number, failures: number, firstFailure?: string }} */ (result);
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
 * @returns {Promise<import("../lib/report.js").SectionResult>}
 */
export async function runConcurrentWaits({ quick, deadline }) {
  const plan = quick
    ? { waits: 300, maxRequestsPerSecond: 150, minDurationMs: 1000, maxDurationMs: 3000 }
    : { waits: 10_000, maxRequestsPerSecond: 500, minDurationMs: 5000, maxDurationMs: 15_000 };
  const [minRuns, maxRuns] = quick ? [1, 1] : [2, 3];
  const runs = /** @type {WaitsRun[]} */ ([]);
  let lastMs = 0;
  while (runs.length < maxRuns && (runs.length < minRuns || performance.now() + lastMs < deadline - RESERVE_FOR_BUILD_MS)) {
    const t0 = performance.now();
    runs.push(await runOnce({ ...plan, seed: runs.length + 1 }));
    lastMs = performance.now() - t0;
  }
  return renderConcurrentWaits(plan, runs);
}
