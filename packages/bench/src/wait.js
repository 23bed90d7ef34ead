// Item 3: requests and detection delay of each polling policy over seeded job populations, on the client's simulated
// clock (`simulatePolicy`: the real waiter's scheduling, no timers). See README.md.
import { adaptivePollingPolicy, fixedIntervalPolicy, seededRandom, simulatePolicy } from "@cloud-jobs/client/internal";
import { quantile, summarize } from "./lib/measure.js";
import { BenchError, num, spread, table, verdict } from "./lib/report.js";

export { simulatePolicy };

/** @typedef {import("@cloud-jobs/client/internal").PollingPolicy} PollingPolicy */

/**
 * AWS-style waiter backoff (Smithy "Waiter retries", @smithy/util-waiter): attempt n waits a random time in
 * [minDelay, minDelay × 2^(n−1)], maxDelay once n exceeds ⌊log2(maxDelay / minDelay) + 1⌋.
 * @param {number} [minDelayMs] @param {number} [maxDelayMs] @returns {PollingPolicy}
 */
export function awsStylePolicy(minDelayMs = 2000, maxDelayMs = 120_000) {
  const attemptCeiling = Math.floor(Math.log2(maxDelayMs / minDelayMs) + 1);
  return ({ polls, random }) => {
    const upper = polls > attemptCeiling ? maxDelayMs : minDelayMs * 2 ** (polls - 1);
    return minDelayMs + random * (upper - minDelayMs);
  };
}

/** A policy compared; `firstPollMs`: when its first poll goes out, ms after the job began. @typedef {{ name: string, policy: PollingPolicy, firstPollMs: number, how: string }} NamedPolicy */

/** Every policy compared, ours first; fixed 1 s is the baseline of the request ratios. */
export const POLICIES = /** @type {readonly NamedPolicy[]} */ ([
  { name: "cloud-jobs adaptive", policy: adaptivePollingPolicy(), firstPollMs: 0, how: "the client's default policy (7.5 % of elapsed, 1–60 s, sub-job estimate)" },
  { name: "fixed 1 s", policy: fixedIntervalPolicy(1000), firstPollMs: 0, how: "poll at once, then every second" },
  { name: "fixed 10 s after 5 s", policy: fixedIntervalPolicy(10_000), firstPollMs: 5000, how: "first poll at 5 s, then every 10 s" },
  { name: "AWS-style 2–120 s backoff", policy: awsStylePolicy(), firstPollMs: 0, how: "Smithy waiter: poll at once, then exponential backoff with full jitter, 2 s to 120 s" },
  // @azure/core-lro polls every intervalInMs = 2000 by default, the first time one interval after the start.
  { name: "Azure-style fixed 2 s", policy: fixedIntervalPolicy(2000), firstPollMs: 2000, how: "core-lro default: every 2 s, starting 2 s after the operation began" },
]);

/** @typedef {import("@cloud-jobs/client/internal").SimulatedJob & { withSubJobs: boolean }} PopulationJob */

export const MIN_DURATION_MS = 1000;
export const MAX_DURATION_MS = 3_600_000;

/**
 * `size` seeded jobs, log-uniform from 1 s to 1 h; every other one has 2–20 sub-jobs, parallel (ending in the last third)
 * or sequential (evenly spread), the parent ending just after its last one.
 * @param {number} size @param {number} seed @returns {PopulationJob[]}
 */
export function jobPopulation(size, seed) {
  const random = seededRandom(seed);
  return Array.from({ length: size }, (_, i) => {
    const durationMs = Math.round(MIN_DURATION_MS * (MAX_DURATION_MS / MIN_DURATION_MS) ** random());
    if (i % 2 === 0) return { durationMs, withSubJobs: false };
    const count = 2 + Math.floor(random() * 19); // 2–20 sub-jobs
    const parallel = random() < 0.5;
    const lastEnd = durationMs * 0.97;
    const subJobEndsMs = Array.from({ length: count }, (_, k) =>
      parallel ? lastEnd * (0.67 + 0.33 * random()) : (lastEnd * (k + 1)) / count,
    ).sort((a, b) => a - b);
    return { durationMs, subJobEndsMs, withSubJobs: true };
  });
}

/** Long enough for the longest job under every policy; a timeout is a bench failure. */
const TIMEOUT_MS = 2 * 3_600_000;

export const BUCKETS = [
  { name: "1–10 s", lowMs: 0, highMs: 10_000 },
  { name: "10–60 s", lowMs: 10_000, highMs: 60_000 },
  { name: "1–10 min", lowMs: 60_000, highMs: 600_000 },
  { name: "10–60 min", lowMs: 600_000, highMs: Infinity },
];

/** One wait: requests sent, `delayMs` from completion to detection. @typedef {{ requests: number, delayMs: number, durationMs: number, withSubJobs: boolean }} Outcome */

/** Figures of one group of outcomes. @param {Outcome[]} outcomes */
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

/** Every policy waits for every job; figures by "<policy>|<group>|<figure>"; `seed` seeds the jitter.
 * @param {readonly NamedPolicy[]} policies @param {PopulationJob[]} jobs @param {number} seed @returns {Map<string, number>}
 */
export function simulatePopulation(policies, jobs, seed) {
  const out = /** @type {Map<string, number>} */ (new Map());
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

const OURS = "cloud-jobs adaptive";
const BASELINE = "fixed 1 s";
const GOAL_REQUEST_SHARE = 0.1;
const GOAL_RELATIVE_DELAY = 0.05;

/** @param {{ quick: boolean }} options @returns {Promise<import("./lib/report.js").SectionResult>} */
export async function runWaitSimulation({ quick }) {
  const runs = quick ? 2 : 25;
  const jobsPerRun = quick ? 40 : 400;
  const series = /** @type {Map<string, number[]>} */ (new Map());
  for (let run = 1; run <= runs; run++) {
    const figures = simulatePopulation(POLICIES, jobPopulation(jobsPerRun, run), run);
    for (const p of POLICIES) {
      // The request share is a ratio within one run, like the interleaved timings.
      const share = (figures.get(`${p.name}|all|requests`) ?? NaN) / (figures.get(`${BASELINE}|all|requests`) ?? NaN);
      figures.set(`${p.name}|all|share`, share);
    }
    for (const [key, value] of figures) series.set(key, [...(series.get(key) ?? []), value]);
    await new Promise((resolve) => setImmediate(resolve)); // stay responsive between runs
  }
  /** @param {string} key */
  const s = (key) => {
    const values = series.get(key);
    if (values === undefined) throw new BenchError("MISSING_FIGURE", `no simulated figure ${key}`);
    return summarize(values);
  };
  const pct = { unit: "%", decimals: 1, scale: (/** @type {number} */ v) => v * 100 };
  const sec = { unit: "s", decimals: 1 };

  /** @type {Array<[string, Parameters<typeof spread>[1]]>} */
  const columns = [["requestsPerJob", { decimals: 1 }], ["share", pct], ["delayP50s", sec], ["delayP95s", sec], ["relativeP50", pct], ["relativeP95", pct]];
  const mainRows = POLICIES.map((p) => [p.name, ...columns.map(([figure, format]) => spread(s(`${p.name}|all|${figure}`), format))]);
  const groupNames = [...BUCKETS.map((b) => b.name), "with sub-jobs", "without sub-jobs"];
  const present = (/** @type {string} */ g) => POLICIES.every((p) => series.has(`${p.name}|${g}|requestsPerJob`));
  const groupRows = (/** @type {string} */ figure, /** @type {Parameters<typeof spread>[1]} */ format) =>
    groupNames.filter(present).map((g) => [g, ...POLICIES.map((p) => spread(s(`${p.name}|${g}|${figure}`), format))]);

  const over = BUCKETS.filter((b) => present(b.name) && s(`${OURS}|${b.name}|relativeP50`).median > GOAL_RELATIVE_DELAY).map(
    (b) => `${b.name} (ours ${num(s(`${OURS}|${b.name}|relativeP50`).median * 100, 1)} %, fixed 1 s ${num(s(`${BASELINE}|${b.name}|relativeP50`).median * 100, 1)} %)`,
  );
  const share = s(`${OURS}|all|share`);
  const relative = s(`${OURS}|all|relativeP50`);
  const goals = [
    { item: "3. waiting", goal: `requests ≤ ${GOAL_REQUEST_SHARE * 100} % of fixed-1 s polling`, measured: `${num(share.median * 100, 1)} % (median of ${runs} populations)`, met: share.median <= GOAL_REQUEST_SHARE },
    { item: "3. waiting", goal: `p50 detection delay ≤ ${GOAL_RELATIVE_DELAY * 100} % of the job's duration`, measured: `${num(relative.median * 100, 1)} % (median of ${runs} populations)`, met: relative.median <= GOAL_RELATIVE_DELAY },
  ];
  const markdown = [
    `${runs} populations × ${jobsPerRun} jobs (seeds 1–${runs}); durations log-uniform from 1 s to 1 h; every other job has 2–20 sub-jobs, ending together in the last third (parallel) or evenly spread (sequential), the parent ending after its last sub-job. Each policy waits for each job from the moment the job began, on the client's simulated clock (\`simulatePolicy\`: the waiter's real scheduling, minimum 1 s between polls, zero round-trip time). Detection delay = time from the job's end to the poll that sees it. Every figure is the median over populations [p25–p75]; the request share is computed within each population against fixed 1 s.`,
    "",
    table(["policy", "requests per job", "requests vs fixed 1 s", "delay p50", "delay p95", "delay p50 / duration", "delay p95 / duration"], mainRows),
    "",
    `Goals for ours, over the whole population: requests ≤ ${GOAL_REQUEST_SHARE * 100} % of fixed 1 s — ${verdict(goals[0]?.met ?? false)}; p50 delay ≤ ${GOAL_RELATIVE_DELAY * 100} % of the duration — ${verdict(goals[1]?.met ?? false)}.${
      over.length === 0 ? " The p50 delay stays within 5 % in every duration group too." : ` By duration group, the p50 delay is over 5 % for ${over.join(", ")}: there the 1-s minimum between polls dominates.`
    }`,
    "",
    "Requests per job, by job duration and by sub-jobs:",
    "",
    table(["jobs", ...POLICIES.map((p) => p.name)], groupRows("requestsPerJob", { decimals: 1 })),
    "",
    "Median detection delay as a share of the job's duration, by group:",
    "",
    table(["jobs", ...POLICIES.map((p) => p.name)], groupRows("relativeP50", pct)),
    "",
    "The policies: " + POLICIES.map((p) => `**${p.name}** — ${p.how}`).join("; ") + ".",
  ].join("\n");
  return { title: "3. Waiting: requests and detection delay (simulated clock)", markdown, goals };
}
