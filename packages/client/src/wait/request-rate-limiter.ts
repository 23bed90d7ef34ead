/** Longest shared pause after a 429 that carried no `Retry-After`. */
const MAX_THROTTLE_PAUSE_MS = 60_000;

/**
 * `Date.now()` counts whole milliseconds: a request stamped `t` really went
 * somewhere in `[t, t + 1)`. One extra millisecond per window keeps the cap
 * true on the real clock, not just on the rounded one.
 */
const CLOCK_RESOLUTION_MS = 1;

/**
 * The request budget shared by all waits of a watcher.
 *
 * - **Cap.** A sliding log of the last `N = floor(maxRequestsPerSecond)` send
 *   times: a request may go when fewer than `N` went in the last second, so no
 *   window of one second ever holds more than `N` (for rates below 1/s: one
 *   request per `1/rate` seconds). `Infinity` disables the cap.
 * - **429.** A throttled answer pauses every wait until its `Retry-After`
 *   (else 1, 2, 4 … 60 s for throttles in a row) and halves the cap; the cap
 *   then grows back by a tenth of `N` per second. Only requests sent after the
 *   previous reaction count, so a burst of 429s to requests that were already
 *   in flight halves the cap once, not once per answer.
 */
export class RequestRateLimiter {
  private readonly limit: number;
  private readonly windowMs: number;
  private readonly sentAt: Float64Array;
  private head = 0;
  private count = 0;
  private pausedUntil = Number.NEGATIVE_INFINITY;
  private reducedLimit: number;
  private reactedAt = Number.NEGATIVE_INFINITY;
  private throttlesInARow = 0;

  constructor(maxRequestsPerSecond: number) {
    this.limit = Number.isFinite(maxRequestsPerSecond) ? Math.max(1, Math.floor(maxRequestsPerSecond)) : Number.POSITIVE_INFINITY;
    this.windowMs = (maxRequestsPerSecond >= 1 ? 1000 : 1000 / maxRequestsPerSecond) + CLOCK_RESOLUTION_MS;
    this.sentAt = new Float64Array(Number.isFinite(this.limit) ? this.limit : 0);
    this.reducedLimit = this.limit;
  }

  /** Whether the budget allows a request now. */
  allows(now: number): boolean {
    if (now < this.pausedUntil) return false;
    if (!Number.isFinite(this.limit)) return true;
    const limit = this.currentLimit(now);
    return this.count < limit || this.nthLatest(limit) + this.windowMs <= now;
  }

  /**
   * Counts a request sent at `sentAt`. Stamp it after the send has started:
   * a later stamp only makes the next window start later, so the cap holds on
   * the real clock even when a pause (GC, a busy loop) falls between the
   * `allows` check and the send.
   */
  record(sentAt: number): void {
    if (!Number.isFinite(this.limit)) return;
    this.sentAt[this.head] = sentAt;
    this.head = (this.head + 1) % this.limit;
    this.count = Math.min(this.count + 1, this.limit);
  }

  /** `allows` and `record` in one step. */
  tryAcquire(now: number): boolean {
    if (!this.allows(now)) return false;
    this.record(now);
    return true;
  }

  /** Earliest time `allows` may say yes (a lower bound: check again then). */
  nextAllowedAt(now: number): number {
    if (now < this.pausedUntil) return this.pausedUntil;
    if (!Number.isFinite(this.limit)) return now;
    const limit = this.currentLimit(now);
    if (this.count < limit) return now;
    let next = this.nthLatest(limit) + this.windowMs;
    if (limit < this.limit) next = Math.min(next, this.nextRecoveryAt(now));
    return Math.max(now, next);
  }

  /** A request sent at `sentAt` was answered 429 at `now`. */
  onThrottle(now: number, retryAfterMs: number | undefined, sentAt: number): void {
    // Sent no later than the last reaction: it was in flight then (nothing is sent while paused).
    if (sentAt <= this.reactedAt) {
      if (retryAfterMs !== undefined) this.pausedUntil = Math.max(this.pausedUntil, now + retryAfterMs);
      return;
    }
    this.throttlesInARow += 1;
    const backoff = Math.min(MAX_THROTTLE_PAUSE_MS, 1000 * 2 ** Math.min(this.throttlesInARow - 1, 16));
    this.reducedLimit = Math.max(1, Math.floor(this.currentLimit(now) / 2));
    this.pausedUntil = Math.max(this.pausedUntil, now + (retryAfterMs ?? backoff));
    this.reactedAt = now;
  }

  /** A request was answered without throttling. */
  onSuccess(): void {
    this.throttlesInARow = 0;
  }

  /** When all waits may poll again after a 429 (−∞ when not paused). */
  get resumesAt(): number {
    return this.pausedUntil;
  }

  /** The cap in force at `now`: halved after a 429, growing back by a tenth per second. */
  currentLimit(now: number): number {
    if (this.reducedLimit >= this.limit || now < this.pausedUntil) return this.reducedLimit;
    const steps = Math.floor((now - this.pausedUntil) / 1000);
    const limit = Math.min(this.limit, this.reducedLimit + steps * this.recoveryStep());
    if (limit >= this.limit) this.reducedLimit = this.limit;
    return limit;
  }

  private nextRecoveryAt(now: number): number {
    return this.pausedUntil + (Math.floor((now - this.pausedUntil) / 1000) + 1) * 1000;
  }

  private recoveryStep(): number {
    return Math.max(1, Math.ceil(this.limit / 10));
  }

  private nthLatest(n: number): number {
    return this.sentAt[(this.head - n + this.limit * 2) % this.limit] as number;
  }
}
