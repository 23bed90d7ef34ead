// The polling policy (when to ask again) and the request budget of a watcher: the scheduling rules the
// wait engine (wait.ts) applies, with the one 429 pause formula.
import type { SubJobSummary as SubJobProgress } from "./jobs.js";

/** What a polling policy knows when it picks the next delay. All times are epoch milliseconds. */
export interface PollingPolicyInput {
  /** Now. */ readonly now: number;
  /** When the wait started (the original start when resumed). */ readonly waitStartedAt: number;
  /** When the wait gives up. */ readonly deadlineAt: number;
  /** The job's `begin_time`, when the last response carried a usable one. */ readonly jobBeganAt: number | undefined;
  /** Sub-job counts of the last job seen, if it had any sub-jobs. */ readonly subJobs: SubJobProgress | undefined;
  /** Polls that failed in a row with a transient error (0 after a good answer). */ readonly consecutiveErrors: number;
  /** `Retry-After` of the last failed poll, in ms. */ readonly retryAfterMs: number | undefined;
  /** Slowest round trip seen so far, in ms (how early the final poll must start). */ readonly latencyMs: number;
  /** Polls sent so far. */ readonly polls: number;
  /** A number in [0, 1) for jitter; the simulation passes a seeded one. */ readonly random: number;
}

/** Tuning of `nextPollDelay`. */
export interface PollingPolicyOptions {
  /** Never poll sooner than this after the previous poll. Default 1000 (the rate of fixed 1-s polling). */ readonly minDelayMs: number;
  /** Never wait longer than this between polls (unless `Retry-After` says so). Default 60 000. */ readonly maxDelayMs: number;
  /** Next delay ≈ this fraction of the time the job has been running. Default 0.075. */ readonly elapsedFraction: number;
}

/** Picks the delay before the next poll. Must be pure; the wait clamps its answer to `minDelayMs`, `Retry-After` and the deadline. */
export type PollingPolicy = (input: PollingPolicyInput) => number;

/** Defaults of `PollingPolicyOptions`. */
export const DEFAULT_POLLING_POLICY_OPTIONS: PollingPolicyOptions = { minDelayMs: 1_000, maxDelayMs: 60_000, elapsedFraction: 0.075 };

/** When sub-jobs say the end is near, poll at most this many times faster than the elapsed-time rule. */
const NEAR_END_SPEED_UP = 4;

/**
 * The adaptive polling policy: how long to wait before asking again.
 *
 * 1. **Elapsed time.** A job that has run for `E` ms (since its `begin_time`, else since the wait started) is asked
 *    again after `f × E` (`f = elapsedFraction`). Polls fall on a geometric series: a job of duration `T` costs about
 *    `1/f + ln(f·T / minDelayMs) / ln(1+f)` requests, and its end is noticed at most `f × T` late (`f/2 × T`
 *    typically). Below `minDelayMs / f` (13 s) that is one poll per `minDelayMs`, never more than fixed 1-s polling.
 * 2. **Sub-job progress.** When `finished` of `total` sub-jobs are done after `E` ms, the rest is estimated to take
 *    `E × (total − finished) / finished`; if that is sooner, the delay shrinks to it, but never below a quarter of rule
 *    1 (sub-jobs done, the parent may still be busy).
 * 3. **Failures.** After `n` transient errors in a row the delay is at least `minDelayMs × 2^(n−1)`, with equal jitter.
 * 4. **Bounds.** The result is clamped to `[minDelayMs, maxDelayMs]`; `planNextPoll` then applies `Retry-After` and
 *    the deadline, to this and to any custom policy. One knob: requests scale with `1/f`, lateness with `f`.
 *
 * @example
 * nextPollDelay({ ...input, now: begin + 400_000, jobBeganAt: begin }, DEFAULT_POLLING_POLICY_OPTIONS) // 30 000
 */
export function nextPollDelay(input: PollingPolicyInput, options: PollingPolicyOptions): number {
  const { minDelayMs, maxDelayMs, elapsedFraction } = options;
  const origin = input.jobBeganAt !== undefined && input.jobBeganAt <= input.now ? input.jobBeganAt : input.waitStartedAt;
  const elapsed = Math.max(0, input.now - origin);
  let delay = elapsedFraction * elapsed;

  const remaining = estimateRemainingMs(input.subJobs, elapsed);
  if (remaining !== undefined && remaining < delay) delay = Math.max(remaining, delay / NEAR_END_SPEED_UP);

  if (input.consecutiveErrors > 0) {
    const exponent = Math.min(input.consecutiveErrors - 1, 30);
    const backoff = Math.min(maxDelayMs, minDelayMs * 2 ** exponent);
    delay = Math.max(delay, backoff * (0.5 + input.random / 2));
  }
  return Math.min(maxDelayMs, Math.max(minDelayMs, delay));
}

/** Remaining time if sub-jobs keep finishing at the rate seen so far; `undefined` when nothing can be said. */
function estimateRemainingMs(subJobs: SubJobProgress | undefined, elapsedMs: number): number | undefined {
  if (subJobs === undefined || subJobs.total <= 0) return undefined;
  const finished = subJobs.succeeded + subJobs.failed;
  if (finished >= subJobs.total) return 0;
  if (finished === 0) return undefined;
  return (elapsedMs * (subJobs.total - finished)) / finished;
}

/** The adaptive policy with fixed options, as a `PollingPolicy`. */
export function adaptivePollingPolicy(options: Partial<PollingPolicyOptions> = {}): PollingPolicy {
  const resolved = { ...DEFAULT_POLLING_POLICY_OPTIONS, ...options };
  return (input) => nextPollDelay(input, resolved);
}

/** Polls every `intervalMs`, whatever the job says — the baseline the adaptive policy is measured against. */
export function fixedIntervalPolicy(intervalMs: number): PollingPolicy {
  return () => intervalMs;
}

/** Round trip assumed for the final poll before any has been measured, and the most it is ever assumed to be. */
const MIN_FINAL_POLL_LEAD_MS = 1;
const MAX_FINAL_POLL_LEAD_MS = 10_000;

/**
 * When to poll next: `now + delay`, the delay raised to `minDelayMs` and `Retry-After`. Past the deadline, the final poll
 * starts one round trip (the slowest seen, 1 ms to 10 s) before it, so its answer still counts — unless `minDelayMs` or
 * `Retry-After` forbid it: then `undefined`, and the wait times out at the deadline.
 */
export function planNextPoll(desiredDelayMs: number, input: PollingPolicyInput, minDelayMs: number): number | undefined {
  const retryAfter = input.retryAfterMs ?? 0;
  const delay = Math.ceil(Math.max(minDelayMs, retryAfter, Number.isFinite(desiredDelayMs) ? desiredDelayMs : 0));
  const lead = Math.min(MAX_FINAL_POLL_LEAD_MS, Math.max(MIN_FINAL_POLL_LEAD_MS, Math.ceil(input.latencyMs)));
  const latest = input.deadlineAt - lead;
  if (input.now + delay <= latest) return input.now + delay;
  if (input.now + retryAfter > latest || input.now + minDelayMs > latest) return undefined;
  return latest;
}

/** The one 429 pause (of every wait of a watcher): the server's `Retry-After`, else 1, 2, 4 … 60 s for throttles in a row. */
export function throttlePauseMs(throttlesInARow: number, retryAfterMs: number | undefined): number {
  return retryAfterMs ?? Math.min(60_000, 1000 * 2 ** Math.min(throttlesInARow - 1, 16));
}

/** A request stamped `t` (whole ms) went in `[t, t + 1)`: one more ms per window keeps the cap true on the real clock. */
const CLOCK_RESOLUTION_MS = 1;

/**
 * The cap of `rate` requests per second as places and how long each is held after its answer: `floor(rate)` places
 * (one below 1/s) for one window (`1/rate` s below 1/s), one more ms for the clock's resolution.
 */
export function capOf(rate: number): { readonly limit: number; readonly windowMs: number } {
  const limit = Number.isFinite(rate) ? Math.max(1, Math.floor(rate)) : Number.POSITIVE_INFINITY;
  return { limit, windowMs: (rate >= 1 ? 1000 : 1000 / rate) + CLOCK_RESOLUTION_MS };
}

/** Up to 10 ms of the cap may start together (≥ 1): a timer firing a little late loses no throughput, yet no burst is large. */
const BURST_SLICE_MS = 10;

/**
 * The request budget shared by all waits of a watcher.
 *
 * - **Pace.** Requests start `1/N` s apart (`N = maxRequestsPerSecond`): a token bucket refilled at `N` per second
 *   holding `burst = max(1, ceil(N / 100))` tokens, kept as a theoretical arrival time (GCRA). No `1/N`-s slice starts
 *   more than `burst`, so a busy process never has hundreds of polls to hand to the network at once.
 * - **Cap, as the server counts it.** A request reaches the server at some time between its send and its answer, so it
 *   takes a place in the budget from its send until one second after its answer (or cancellation): with at most
 *   `floor(N)` places, no one-second window of *arrivals* holds more than `floor(N)`, however long each request spends
 *   in the sending process, connection setup or the network (for rates below 1/s: one place, held `1/N` s after the
 *   answer). Counting sends instead lets requests sent late in one second and delayed meet the next second's sends.
 *   `Infinity` disables pace and cap.
 * - **429.** A throttled answer pauses every wait until its `Retry-After` (else 1, 2, 4 … 60 s for throttles in a row)
 *   and halves the cap (and the pace); it then grows back by a tenth of `N` per second. Only requests sent after the
 *   previous reaction count, so a burst of 429s to requests that were already in flight halves the cap once, not once
 *   per answer.
 */
export class RequestRateLimiter {
  private readonly limit: number;
  private readonly windowMs: number;
  /** When recent requests were answered or cancelled, a ring of the last `limit`; and requests not yet answered. */
  private readonly doneAt: Float64Array;
  private head = 0;
  private count = 0;
  private inFlight = 0;
  /** When the bucket is full again if nothing more is sent (GCRA's theoretical arrival time). */ private paceAt = Number.NEGATIVE_INFINITY;
  private pausedUntil = Number.NEGATIVE_INFINITY;
  private reducedLimit: number;
  private reactedAt = Number.NEGATIVE_INFINITY;
  private throttlesInARow = 0;

  constructor(private readonly rate: number) {
    ({ limit: this.limit, windowMs: this.windowMs } = capOf(rate));
    this.doneAt = new Float64Array(Number.isFinite(this.limit) ? this.limit : 0);
    this.reducedLimit = this.limit;
  }

  /** Whether the budget allows a request now. */
  allows(now: number): boolean {
    if (now < this.pausedUntil) return false;
    if (!Number.isFinite(this.limit)) return true;
    const limit = this.currentLimit(now);
    const free = limit - this.inFlight; // places not held by requests in flight
    return now >= this.pacedFrom(limit) && free > 0 && (this.count < free || this.nthLatest(free) + this.windowMs <= now);
  }

  /**
   * Counts a request sent at `sentAt`, stamped once the send has started: a later stamp only moves the next slot later,
   * so the pace holds on the real clock even when a pause (GC, a busy loop) falls between `allows` and the send.
   */
  record(sentAt: number): void {
    if (!Number.isFinite(this.limit)) return;
    this.paceAt = Math.max(this.paceAt, sentAt) + this.intervalMs(this.currentLimit(sentAt));
    this.inFlight += 1;
  }

  /** A request counted by `record` was answered (or cancelled) at `at`: its place frees one window later. */
  release(at: number): void {
    if (!Number.isFinite(this.limit)) return;
    this.inFlight = Math.max(0, this.inFlight - 1);
    this.doneAt[this.head] = at;
    this.head = (this.head + 1) % this.limit;
    this.count = Math.min(this.count + 1, this.limit);
  }

  /** Earliest whole millisecond at which `allows` may say yes (a lower bound: check again then). */
  nextAllowedAt(now: number): number {
    if (now < this.pausedUntil) return this.pausedUntil;
    if (!Number.isFinite(this.limit)) return now;
    const limit = this.currentLimit(now);
    const free = limit - this.inFlight;
    let next = free > 0 ? this.pacedFrom(limit) : Number.POSITIVE_INFINITY; // else an answer frees a place
    if (free > 0 && this.count >= free) next = Math.max(next, this.nthLatest(free) + this.windowMs);
    if (limit < this.limit) next = Math.min(next, this.nextRecoveryAt(now));
    return Math.max(now, Math.ceil(next));
  }

  /** A request sent at `sentAt` was answered 429 at `now`. */
  onThrottle(now: number, retryAfterMs: number | undefined, sentAt: number): void {
    // Sent no later than the last reaction: it was in flight then (nothing is sent while paused).
    if (sentAt <= this.reactedAt) {
      if (retryAfterMs !== undefined) this.pausedUntil = Math.max(this.pausedUntil, now + retryAfterMs);
      return;
    }
    this.throttlesInARow += 1;
    this.reducedLimit = Math.max(1, Math.floor(this.currentLimit(now) / 2));
    this.pausedUntil = Math.max(this.pausedUntil, now + throttlePauseMs(this.throttlesInARow, retryAfterMs));
    this.reactedAt = now;
  }

  /** A request was answered without throttling. */
  onSuccess(): void {
    this.throttlesInARow = 0;
  }

  /** The cap in force at `now`: halved after a 429, growing back by a tenth per second. */
  currentLimit(now: number): number {
    if (this.reducedLimit >= this.limit || now < this.pausedUntil) return this.reducedLimit;
    const steps = Math.floor((now - this.pausedUntil) / 1000);
    const limit = Math.min(this.limit, this.reducedLimit + steps * this.recoveryStep());
    if (limit >= this.limit) this.reducedLimit = this.limit;
    return limit;
  }

  /** Earliest time the bucket holds a token under `limit`: `burst − 1` intervals before the theoretical arrival time. */
  private pacedFrom(limit: number): number {
    return this.paceAt - (burstOf(limit) - 1) * this.intervalMs(limit);
  }

  private intervalMs(limit: number): number {
    return 1000 / (this.rate < 1 ? this.rate : limit);
  }

  private nextRecoveryAt(now: number): number {
    return this.pausedUntil + (Math.floor((now - this.pausedUntil) / 1000) + 1) * 1000;
  }

  private recoveryStep(): number {
    return Math.max(1, Math.ceil(this.limit / 10));
  }

  private nthLatest(n: number): number {
    return this.doneAt[(this.head - n + this.limit * 2) % this.limit] as number;
  }
}

/** Requests that may start together under a cap of `limit` per second. */
function burstOf(limit: number): number {
  return Math.max(1, Math.ceil((limit * BURST_SLICE_MS) / 1000));
}
