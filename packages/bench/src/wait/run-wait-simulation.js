// Item 3: requests per job and detection delay of each polling policy, on a
// simulated clock, over many seeded populations of jobs from 1 s to 1 h.
import { BenchError } from "../lib/bench-error.js";
import { num, spread, table, verdict } from "../lib/format.js";
import { summarize } from "../lib/stats.js";
import { POLICIES } from "./competitor-policies.js";
import { jobPopulation } from "./job-population.js";
import { BUCKETS, simulatePopulation } from "./simulate-population.js";

const OURS = "cloud-jobs adaptive";
const BASELINE = "fixed 1 s";
const GOAL_REQUEST_SHARE = 0.1;
const GOAL_RELATIVE_DELAY = 0.05;

/**
 * @param {{ quick: boolean }} options
 * @returns {Promise<import("../lib/section.js").SectionResult>}
 */
export async function runWaitSimulation({ quick }) {
  const runs = quick ? 2 : 25;
  const jobsPerRun = quick ? 40 : 400;
  /** @type {Map<string, number[]>} */
  const series = new Map();
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

  const mainRows = POLICIES.map((p) => [
    p.name,
    spread(s(`${p.name}|all|requestsPerJob`), { decimals: 1 }),
    spread(s(`${p.name}|all|share`), pct),
    spread(s(`${p.name}|all|delayP50s`), sec),
    spread(s(`${p.name}|all|delayP95s`), sec),
    spread(s(`${p.name}|all|relativeP50`), pct),
    spread(s(`${p.name}|all|relativeP95`), pct),
  ]);
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
    {
      item: "3. waiting",
      goal: `requests ≤ ${GOAL_REQUEST_SHARE * 100} % of fixed-1 s polling`,
      measured: `${num(share.median * 100, 1)} % (median of ${runs} populations)`,
      met: share.median <= GOAL_REQUEST_SHARE,
    },
    {
      item: "3. waiting",
      goal: `p50 detection delay ≤ ${GOAL_RELATIVE_DELAY * 100} % of the job's duration`,
      measured: `${num(relative.median * 100, 1)} % (median of ${runs} populations)`,
      met: relative.median <= GOAL_RELATIVE_DELAY,
    },
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
