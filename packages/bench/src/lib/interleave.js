// Round-robin measurement: every round runs a batch of calls of each contender,
// in a rotated order, so a change in machine load hits all contenders alike and
// the per-round ratio to the baseline stays meaningful on a noisy machine.
import { BenchError } from "./bench-error.js";
import { medianInterval, pairedRatios, summarize } from "./stats.js";

/**
 * @typedef {object} Contender
 * @property {string} name
 * @property {() => Promise<unknown>} call one operation (one request, one signature, …)
 */

/**
 * @typedef {object} InterleaveOptions
 * @property {readonly Contender[]} contenders the first one is the baseline of the ratios
 * @property {number} rounds rounds to measure (after warm-up)
 * @property {number} batch calls per contender per round
 * @property {number} [warmupRounds] rounds run first and thrown away (JIT, connection pools)
 * @property {number} [budgetMs] stop early once this much time is spent, keeping at least `minRounds`
 * @property {number} [minRounds]
 */

/**
 * Runs the contenders round-robin and returns, per contender, the mean wall
 * time and the mean CPU time (this process, all threads) of one call in each
 * round (ms), and the round-by-round ratios to the baseline. CPU time is the
 * steadier of the two on a shared machine: being descheduled does not count.
 * A contender that throws stops the whole run with `BenchError` (`CONTENDER_FAILED`).
 * @param {InterleaveOptions} options
 */
export async function runInterleaved({ contenders, rounds, batch, warmupRounds = 2, budgetMs = Infinity, minRounds = 5 }) {
  if (contenders.length === 0) throw new BenchError("NO_CONTENDERS", "nothing to measure");
  /** @type {number[][]} */
  const wall = contenders.map(() => []);
  /** @type {number[][]} */
  const cpu = contenders.map(() => []);
  const gc = /** @type {(() => void) | undefined} */ (globalThis.gc);
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
    return { perCallMs: summarize(samples), ratio: summarize(ratios), ratioInterval: medianInterval(ratios) };
  };
  return {
    rounds: measured,
    batch,
    results: contenders.map((c, i) => ({ name: c.name, wall: series(wall, i), cpu: series(cpu, i) })),
  };
}
