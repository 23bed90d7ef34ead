// Order statistics for repeated measurements. Medians and quartiles rather than
// means: on a shared 2-core machine a few rounds are always disturbed, and one
// disturbed round must not move the figure.

/**
 * The q-quantile (0 ≤ q ≤ 1) of `values`, linear interpolation between order statistics.
 * @param {readonly number[]} values
 * @param {number} q
 * @returns {number}
 */
export function quantile(values, q) {
  if (values.length === 0) throw new RangeError("quantile of no values");
  const sorted = [...values].sort((a, b) => a - b);
  const position = (sorted.length - 1) * q;
  const low = Math.floor(position);
  const high = Math.ceil(position);
  const a = /** @type {number} */ (sorted[low]);
  const b = /** @type {number} */ (sorted[high]);
  return a + (b - a) * (position - low);
}

/**
 * @typedef {object} Summary
 * @property {number} n how many values
 * @property {number} median
 * @property {number} p25
 * @property {number} p75
 * @property {number} min
 * @property {number} max
 */

/**
 * Median, quartiles and range of a set of repeated measurements.
 * @param {readonly number[]} values
 * @returns {Summary}
 */
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

/**
 * Element-wise ratio of two equally long series (round i of `a` over round i of `b`).
 * @param {readonly number[]} a
 * @param {readonly number[]} b
 * @returns {number[]}
 */
export function pairedRatios(a, b) {
  if (a.length !== b.length) throw new RangeError(`paired series differ in length: ${a.length} vs ${b.length}`);
  return a.map((x, i) => x / /** @type {number} */ (b[i]));
}

/**
 * Distribution-free 95 % confidence interval of the median: the order
 * statistics ⌊n/2 − 1.96·√n/2⌋ and ⌈1 + n/2 + 1.96·√n/2⌉ (1-based; normal
 * approximation of the binomial), so a report can say when a median ratio
 * cannot be told apart from a goal.
 * @param {readonly number[]} values at least 6 for a meaningful interval
 * @returns {{ low: number, high: number }}
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
