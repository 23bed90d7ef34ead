import { planNextPoll, type PollingPolicy, type PollingPolicyInput } from "./polling-policy.js";
import type { SubJobProgress } from "./types.js";

/** A job in the simulation; times are ms after its `begin_time`. */
export interface SimulatedJob {
  /** When it ends (SUCCESS or FAIL). */
  readonly durationMs: number;
  /** When each sub-job ends; default none. Sub-jobs not ended by then count as running. */
  readonly subJobEndsMs?: readonly number[];
}

/** How the simulated wait runs. */
export interface SimulationOptions {
  /** When the wait starts, ms after `begin_time`. Default 0. */
  readonly waitStartMs?: number;
  /** Default 24 h. */
  readonly timeoutMs?: number;
  /** Round trip of each request; the server reads the job half-way. Default 0. */
  readonly latencyMs?: number;
  /** `minDelayMs` the wait enforces on any policy. Default 1000. */
  readonly minDelayMs?: number;
  /** Makes poll number `n` (1-based) fail with a transient error, optionally with `Retry-After`. */
  readonly fault?: (poll: number, atMs: number) => { readonly retryAfterMs?: number } | undefined;
  /** Jitter source. Default: a fixed-seed generator, so runs repeat exactly. */
  readonly random?: () => number;
}

/** What a simulated wait did. */
export interface SimulationResult {
  /** Requests sent. */
  readonly requests: number;
  /** When each request was sent, ms after `begin_time`. */
  readonly pollTimesMs: readonly number[];
  /** When the wait learned that the job ended (ms after `begin_time`), `undefined` if it timed out. */
  readonly detectedAtMs: number | undefined;
  /** `detectedAtMs − durationMs`: how late the end was noticed. */
  readonly detectionDelayMs: number | undefined;
  readonly timedOut: boolean;
}

/**
 * Runs one wait against one simulated job on a simulated clock — no timers,
 * no promises — with the scheduling rules of the real waiter: first poll at
 * once, then `planNextPoll(policy(input))` (`minDelayMs`, `Retry-After`, final
 * poll trimmed to the deadline). Use it to compare policies.
 *
 * @example
 * const fixed = simulatePolicy(fixedIntervalPolicy(1000), 600_000);
 * const adaptive = simulatePolicy(adaptivePollingPolicy(), 600_000);
 * console.log(adaptive.requests / fixed.requests, adaptive.detectionDelayMs);
 */
export function simulatePolicy(policy: PollingPolicy, job: SimulatedJob | number, options: SimulationOptions = {}): SimulationResult {
  const { durationMs, subJobEndsMs = [] } = typeof job === "number" ? { durationMs: job } : job;
  const { waitStartMs = 0, timeoutMs = 86_400_000, latencyMs = 0, minDelayMs = 1000, fault } = options;
  const random = options.random ?? seededRandom(1);
  const deadlineAt = waitStartMs + timeoutMs;
  const pollTimesMs: number[] = [];
  let consecutiveErrors = 0;
  let retryAfterMs: number | undefined;
  let seen: { subJobs: SubJobProgress | undefined } | undefined;
  let t: number | undefined = waitStartMs;
  while (t !== undefined && t + latencyMs <= deadlineAt) {
    pollTimesMs.push(t);
    const readAt = t + latencyMs / 2;
    const now = t + latencyMs;
    const failure = fault?.(pollTimesMs.length, t);
    if (failure === undefined && readAt >= durationMs) {
      return { requests: pollTimesMs.length, pollTimesMs, detectedAtMs: now, detectionDelayMs: now - durationMs, timedOut: false };
    }
    if (failure === undefined) {
      seen = { subJobs: subJobsAt(subJobEndsMs, readAt) };
      consecutiveErrors = 0;
      retryAfterMs = undefined;
    } else {
      consecutiveErrors += 1;
      retryAfterMs = failure.retryAfterMs;
    }
    const input: PollingPolicyInput = {
      now,
      waitStartedAt: waitStartMs,
      deadlineAt,
      jobBeganAt: seen === undefined ? undefined : 0,
      subJobs: seen?.subJobs,
      consecutiveErrors,
      retryAfterMs,
      latencyMs,
      polls: pollTimesMs.length,
      random: random(),
    };
    t = planNextPoll(policy(input), input, minDelayMs);
  }
  return { requests: pollTimesMs.length, pollTimesMs, detectedAtMs: undefined, detectionDelayMs: undefined, timedOut: true };
}

function subJobsAt(endsMs: readonly number[], at: number): SubJobProgress | undefined {
  if (endsMs.length === 0) return undefined;
  const succeeded = endsMs.filter((end) => end <= at).length;
  return { total: endsMs.length, succeeded, failed: 0, running: endsMs.length - succeeded };
}

/** mulberry32: a small, fast generator with a fixed seed, so simulations repeat exactly. */
function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let x = Math.imul(a ^ (a >>> 15), 1 | a);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4_294_967_296;
  };
}
