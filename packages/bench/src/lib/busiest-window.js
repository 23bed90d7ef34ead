/**
 * Most timestamps (ms) that fall inside any window [t, t + windowMs) — the
 * request rate to compare with a "never more than N per second" cap.
 * @param {readonly number[]} times in ascending order
 * @param {number} [windowMs]
 */
export function busiestWindow(times, windowMs = 1000) {
  let best = 0;
  for (let i = 0, j = 0; i < times.length; i++) {
    while (/** @type {number} */ (times[i]) - /** @type {number} */ (times[j]) >= windowMs) j++;
    best = Math.max(best, i - j + 1);
  }
  return best;
}
