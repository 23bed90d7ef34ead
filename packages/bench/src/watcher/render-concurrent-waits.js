// RESULTS.md text of item 4.
import { num, spread, table } from "../lib/format.js";
import { summarize } from "../lib/stats.js";

/**
 * @param {{ waits: number, maxRequestsPerSecond: number, minDurationMs: number, maxDurationMs: number }} plan
 * @param {import("./run-concurrent-waits.js").WaitsRun[]} runs
 * @returns {import("../lib/section.js").SectionResult}
 */
export function renderConcurrentWaits(plan, runs) {
  const s = (/** @type {(r: import("./run-concurrent-waits.js").WaitsRun) => number} */ pick) => summarize(runs.map(pick));
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
