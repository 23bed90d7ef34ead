// The simulated jobs: durations log-uniform from 1 s to 1 h (as many 1–10 s
// jobs as 10–60 min jobs — the range ECS, EVS and BMS jobs span), half of them
// with sub-jobs. Sub-jobs either run in parallel (batch create: they end
// together, in the last third of the job) or one after another (evenly spread);
// the parent job ends a moment after its last sub-job.

/** @typedef {import("@cloud-jobs/client").SimulatedJob & { withSubJobs: boolean }} PopulationJob */

/**
 * mulberry32: small seeded generator, so a population is the same on every run.
 * @param {number} seed
 */
export function seededRandom(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let x = Math.imul(a ^ (a >>> 15), 1 | a);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** Shortest simulated job. */
export const MIN_DURATION_MS = 1000;
/** Longest simulated job. */
export const MAX_DURATION_MS = 3_600_000;

/**
 * `size` jobs drawn with the given seed.
 * @param {number} size
 * @param {number} seed
 * @returns {PopulationJob[]}
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
