/** Longest shared pause after a 429 that carried no `Retry-After`. */
const MAX_THROTTLE_PAUSE_MS = 60_000;

/** A request stamped `t` (whole ms) went in `[t, t + 1)`: one more ms per window keeps the cap true on the real clock. */
const CLOCK_RESOLUTION_MS = 1;

/** Up to 10 ms of the cap may start together (≥ 1): a timer firing a little late loses no throughput, yet no burst is large. */
const BURST_SLICE_MS = 10;

/**
 * The request budget shared by all waits of a watcher.
 *
 * - **Pace.** Requests start `1/N` s apart (`N = maxRequestsPerSecond`): a
 *   token bucket refilled at `N` per second holding `burst = max(1, ceil(N /
 *   100))` tokens, kept as a theoretical arrival time (GCRA). No `1/N`-s slice
 *   starts more than `burst`, so a busy process never has hundreds of polls
 *   to hand to the network at once.
 * - **Cap.** A sliding log of the last `floor(N)` send times besides: no
 *   window of one second ever holds more than `floor(N)` (for rates below
 *   1/s: one request per `1/N` seconds). `Infinity` disables both.
 * - **429.** A throttled answer pauses every wait until its `Retry-After`
 *   (else 1, 2, 4 … 60 s for throttles in a row) and halves the cap (and the
 *   pace); it then grows back by a tenth of `N` per second. Only requests sent
 *   after the previous reaction count, so a burst of 429s to requests that
 *   were already in flight halves the cap once, not once per answer.
 */
export class RequestRateLimiter {
  private readonly limit: number;
  private readonly windowMs: number;
  private readonly sentAt: Float64Array;
  private head = 0;
  private count = 0;
  /** When the bucket would be full again if nothing more were sent (GCRA's theoretical arrival time). */
  private paceAt = Number.NEGATIVE_INFINITY;
  private pausedUntil = Number.NEGATIVE_INFINITY;
  private reducedLimit: number;
  private reactedAt = Number.NEGATIVE_INFINITY;
  private throttlesInARow = 0;

  constructor(private readonly rate: number) {
    this.limit = Number.isFinite(rate) ? Math.max(1, Math.floor(rate)) : Number.POSITIVE_INFINITY;
    this.windowMs = (rate >= 1 ? 1000 : 1000 / rate) + CLOCK_RESOLUTION_MS;
    this.sentAt = new Float64Array(Number.isFinite(this.limit) ? this.limit : 0);
    this.reducedLimit = this.limit;
  }

  /** Whether the budget allows a request now. */
  allows(now: number): boolean {
    if (now < this.pausedUntil) return false;
    if (!Number.isFinite(this.limit)) return true;
    const limit = this.currentLimit(now);
    return now >= this.pacedFrom(limit) && (this.count < limit || this.nthLatest(limit) + this.windowMs <= now);
  }

  /**
   * Counts a request sent at `sentAt`. Stamp it after the send has started:
   * a later stamp only makes the next window start later, so the cap holds on
   * the real clock even when a pause (GC, a busy loop) falls between the
   * `allows` check and the send.
   */
  record(sentAt: number): void {
    if (!Number.isFinite(this.limit)) return;
    this.paceAt = Math.max(this.paceAt, sentAt) + this.intervalMs(this.currentLimit(sentAt));
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

  /** Earliest whole millisecond at which `allows` may say yes (a lower bound: check again then). */
  nextAllowedAt(now: number): number {
    if (now < this.pausedUntil) return this.pausedUntil;
    if (!Number.isFinite(this.limit)) return now;
    const limit = this.currentLimit(now);
    let next = this.pacedFrom(limit);
    if (this.count >= limit) next = Math.max(next, this.nthLatest(limit) + this.windowMs);
    if (limit < this.limit) next = Math.min(next, this.nextRecoveryAt(now));
    return Math.max(now, Math.ceil(next));
  }

  /** Most requests that may start together now (1 after a long enough pause at a low rate). */
  burst(now: number): number {
    return Number.isFinite(this.limit) ? burstOf(this.currentLimit(now)) : Number.POSITIVE_INFINITY;
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
    return this.sentAt[(this.head - n + this.limit * 2) % this.limit] as number;
  }
}

/** Requests that may start together under a cap of `limit` per second. */
function burstOf(limit: number): number {
  return Math.max(1, Math.ceil((limit * BURST_SLICE_MS) / 1000));
}
