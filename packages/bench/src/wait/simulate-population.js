// One run of item 3: every policy waits for every job of one population on the
// client's simulated clock (`simulatePolicy`: no timers, the real waiter's
// scheduling rules), and the run's figures are computed per policy and per group.
import { simulatePolicy } from "@cloud-jobs/client";
import { BenchError } from "../lib/bench-error.js";
import { quantile } from "../lib/stats.js";
import { seededRandom } from "./job-population.js";

/** Long enough for the longest job under every policy; a timeout is a bench failure. */
const TIMEOUT_MS = 2 * 3_600_000;

/** Duration groups of the breakdown tables. */
export const BUCKETS = [
  { name: "1–10 s", lowMs: 0, highMs: 10_000 },
  { name: "10–60 s", lowMs: 10_000, highMs: 60_000 },
  { name: "1–10 min", lowMs: 60_000, highMs: 600_000 },
  { name: "10–60 min", lowMs: 600_000, highMs: Infinity },
];

/**
 * @typedef {object} Outcome
 * @property {number} requests
 * @property {number} delayMs completion → detection
 * @property {number} durationMs
 * @property {boolean} withSubJobs
 */

/**
 * Figures of one group of outcomes.
 * @param {Outcome[]} outcomes
 */
function figures(outcomes) {
  const delays = outcomes.map((o) => o.delayMs / 1000);
  const relative = outcomes.map((o) => o.delayMs / o.durationMs);
  return {
    requests: outcomes.reduce((s, o) => s + o.requests, 0),
    requestsPerJob: outcomes.reduce((s, o) => s + o.requests, 0) / outcomes.length,
    delayP50s: quantile(delays, 0.5),
    delayP95s: quantile(delays, 0.95),
    relativeP50: quantile(relative, 0.5),
    relativeP95: quantile(relative, 0.95),
  };
}

/**
 * @param {readonly import("./competitor-policies.js").NamedPolicy[]} policies
 * @param {import("./job-population.js").PopulationJob[]} jobs
 * @param {number} seed jitter seed of this run
 * @returns {Map<string, number>} figure name ("<policy>|<group>|<figure>") → value
 */
export function simulatePopulation(policies, jobs, seed) {
  /** @type {Map<string, number>} */
  const out = new Map();
  policies.forEach((p, index) => {
    const random = seededRandom(seed * 7919 + index);
    /** @type {Outcome[]} */
    const outcomes = jobs.map((job) => {
      const result = simulatePolicy(p.policy, job, { waitStartMs: p.firstPollMs, timeoutMs: TIMEOUT_MS, random });
      if (result.timedOut || result.detectionDelayMs === undefined) {
        throw new BenchError("SIMULATION_FAILED", `${p.name} timed out on a ${job.durationMs} ms job`, { policy: p.name });
      }
      return { requests: result.requests, delayMs: result.detectionDelayMs, durationMs: job.durationMs, withSubJobs: job.withSubJobs };
    });
    /** @type {Array<[string, Outcome[]]>} */
    const groups = [
      ["all", outcomes],
      ["with sub-jobs", outcomes.filter((o) => o.withSubJobs)],
      ["without sub-jobs", outcomes.filter((o) => !o.withSubJobs)],
      ...BUCKETS.map((b) => /** @type {[string, Outcome[]]} */ ([b.name, outcomes.filter((o) => o.durationMs >= b.lowMs && o.durationMs < b.highMs)])),
    ];
    for (const [group, members] of groups) {
      if (members.length === 0) continue;
      for (const [figure, value] of Object.entries(figures(members))) out.set(`${p.name}|${group}|${figure}`, value);
    }
  });
  return out;
}
