// Order statistics over repeated rounds (one disturbed round moves no median), round-robin interleaving, rate windows.
import { BenchError } from "./report.js";

/** The q-quantile (0 ≤ q ≤ 1), interpolating linearly between order statistics. @param {readonly number[]} values @param {number} q @returns {number} */
export function quantile(values, q) {
  if (values.length === 0) throw new RangeError("quantile of no values");
  const sorted = [...values].sort((a, b) => a - b);
  const position = (sorted.length - 1) * q;
  const low = /** @type {number} */ (sorted[Math.floor(position)]);
  return low + (/** @type {number} */ (sorted[Math.ceil(position)]) - low) * (position - Math.floor(position));
}

/** @typedef {{ n: number, median: number, p25: number, p75: number, min: number, max: number }} Summary */

/** Median, quartiles and range of a set of repeated measurements. @param {readonly number[]} values @returns {Summary} */
export function summarize(values) {
  if (values.length === 0) throw new RangeError("summary of no values");
  for (const v of values) if (!Number.isFinite(v)) throw new RangeError(`not a finite measurement: ${v}`);
  return {
    n: values.length,
    median: quantile(values, 0.5),
    p25: quantile(values, 0.25),
    p75: quantile(values, 0.75),
    min: Math.min(...values),
    max: Math.max(...values),
  };
}

/** Element-wise ratio of two equally long series (round i of `a` over round i of `b`). @param {readonly number[]} a @param {readonly number[]} b */
export function pairedRatios(a, b) {
  if (a.length !== b.length) throw new RangeError(`paired series differ in length: ${a.length} vs ${b.length}`);
  return a.map((x, i) => x / /** @type {number} */ (b[i]));
}

/**
 * Distribution-free 95 % confidence interval of the median: order statistics ⌊n/2 − 1.96·√n/2⌋ and ⌈1 + n/2 + 1.96·√n/2⌉
 * (1-based; normal approximation of the binomial; meaningful from 6 values). @param {readonly number[]} values
 */
export function medianInterval(values) {
  if (values.length === 0) throw new RangeError("interval of no values");
  const sorted = [...values].sort((a, b) => a - b);
  const n = sorted.length;
  const half = (1.96 * Math.sqrt(n)) / 2;
  const low = Math.max(0, Math.floor(n / 2 - half) - 1);
  const high = Math.min(n - 1, Math.ceil(n / 2 + half));
  return { low: /** @type {number} */ (sorted[low]), high: /** @type {number} */ (sorted[high]) };
}

/** Most of the ascending timestamps (ms) inside any window [t, t + windowMs): the rate to hold against a cap. @param {readonly number[]} times @param {number} [windowMs] */
export function busiestWindow(times, windowMs = 1000) {
  let best = 0;
  for (let i = 0, j = 0; i < times.length; i++) {
    while (/** @type {number} */ (times[i]) - /** @type {number} */ (times[j]) >= windowMs) j++;
    best = Math.max(best, i - j + 1);
  }
  return best;
}

/** Something to time: `call` does one operation (one request, one signature, …). @typedef {{ name: string, call: () => Promise<unknown> }} Contender */

/**
 * Runs the contenders round-robin (order rotated each round; `contenders[0]` the baseline): per contender and round, mean
 * wall and CPU time (this process) of one call in ms, and ratios to the baseline round by round. `warmupRounds` are thrown
 * away; the run stops once `budgetMs` is spent and `minRounds` measured. A contender that throws ends it (CONTENDER_FAILED).
 * `collect: false` leaves garbage collection where it falls, so each contender pays for its own in `meanMs`.
 * @param {{ contenders: readonly Contender[], rounds: number, batch: number, warmupRounds?: number, budgetMs?: number, minRounds?: number, collect?: boolean }} options
 */
export async function runInterleaved({ contenders, rounds, batch, warmupRounds = 2, budgetMs = Infinity, minRounds = 5, collect = true }) {
  if (contenders.length === 0) throw new BenchError("NO_CONTENDERS", "nothing to measure");
  const wall = contenders.map(() => /** @type {number[]} */ ([]));
  const cpu = contenders.map(() => /** @type {number[]} */ ([]));
  const gc = collect ? /** @type {(() => void) | undefined} */ (globalThis.gc) : undefined;
  const started = performance.now();
  let measured = 0;
  for (let round = 0; round < warmupRounds + rounds; round++) {
    for (let k = 0; k < contenders.length; k++) {
      const index = (round + k) % contenders.length;
      const contender = /** @type {Contender} */ (contenders[index]);
      // Collect the previous contender's garbage now, so nobody pays for another's allocations.
      gc?.();
      const c0 = process.cpuUsage();
      const t0 = performance.now();
      for (let i = 0; i < batch; i++) {
        try {
          await contender.call();
        } catch (error) {
          throw new BenchError("CONTENDER_FAILED", `${contender.name} threw on call ${i + 1} of round ${round + 1}`, { contender: contender.name }, error);
        }
      }
      const elapsed = performance.now() - t0;
      const used = process.cpuUsage(c0);
      if (round >= warmupRounds) {
        /** @type {number[]} */ (wall[index]).push(elapsed / batch);
        /** @type {number[]} */ (cpu[index]).push((used.user + used.system) / 1000 / batch);
      }
    }
    if (round >= warmupRounds) measured += 1;
    if (measured >= minRounds && performance.now() - started > budgetMs) break;
  }
  const series = (/** @type {number[][]} */ all, /** @type {number} */ i) => {
    const samples = /** @type {number[]} */ (all[i]);
    const ratios = pairedRatios(samples, /** @type {number[]} */ (all[0]));
    const meanMs = samples.reduce((a, b) => a + b, 0) / samples.length; // rounds are equally long
    return { samples, meanMs, perCallMs: summarize(samples), ratio: summarize(ratios), ratioInterval: medianInterval(ratios) };
  };
  return {
    rounds: measured,
    batch,
    results: contenders.map((c, i) => ({ name: c.name, wall: series(wall, i), cpu: series(cpu, i) })),
  };
}
