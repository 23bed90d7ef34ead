// The policies our waiter is compared with, written against the client's
// `PollingPolicy` interface so the client's own simulator (`simulatePolicy`,
// with the real waiter's scheduling rules) runs them all alike. Ours is the
// client's `adaptivePollingPolicy()` with its defaults, untouched.
import { adaptivePollingPolicy, fixedIntervalPolicy } from "@cloud-jobs/client";

/** @typedef {import("@cloud-jobs/client").PollingPolicy} PollingPolicy */

/**
 * AWS-style waiter backoff as the Smithy waiter specification defines it
 * (smithy.io, "Waiter retries"; @smithy/util-waiter): first check at once, then
 * attempt n waits a random time in [minDelay, minDelay × 2^(n−1)], and maxDelay
 * once n exceeds attemptCeiling = ⌊log2(maxDelay / minDelay) + 1⌋. Defaults 2 s and 120 s.
 * @param {number} [minDelayMs]
 * @param {number} [maxDelayMs]
 * @returns {PollingPolicy}
 */
export function awsStylePolicy(minDelayMs = 2000, maxDelayMs = 120_000) {
  const attemptCeiling = Math.floor(Math.log2(maxDelayMs / minDelayMs) + 1);
  return ({ polls, random }) => {
    const upper = polls > attemptCeiling ? maxDelayMs : minDelayMs * 2 ** (polls - 1);
    return minDelayMs + random * (upper - minDelayMs);
  };
}

/**
 * @typedef {object} NamedPolicy
 * @property {string} name
 * @property {PollingPolicy} policy
 * @property {number} firstPollMs when the first poll goes out, ms after the job began
 * @property {string} how
 */

/** Every policy compared, ours first; fixed 1 s is the baseline of the request ratios. */
export const POLICIES = /** @type {readonly NamedPolicy[]} */ ([
  { name: "cloud-jobs adaptive", policy: adaptivePollingPolicy(), firstPollMs: 0, how: "the client's default policy (7.5 % of elapsed, 1–60 s, sub-job estimate)" },
  { name: "fixed 1 s", policy: fixedIntervalPolicy(1000), firstPollMs: 0, how: "poll at once, then every second" },
  { name: "fixed 10 s after 5 s", policy: fixedIntervalPolicy(10_000), firstPollMs: 5000, how: "first poll at 5 s, then every 10 s" },
  { name: "AWS-style 2–120 s backoff", policy: awsStylePolicy(), firstPollMs: 0, how: "Smithy waiter: poll at once, then exponential backoff with full jitter, 2 s to 120 s" },
  // @azure/core-lro polls every intervalInMs = 2000 by default, the first time one interval after the start.
  { name: "Azure-style fixed 2 s", policy: fixedIntervalPolicy(2000), firstPollMs: 2000, how: "core-lro default: every 2 s, starting 2 s after the operation began" },
]);
