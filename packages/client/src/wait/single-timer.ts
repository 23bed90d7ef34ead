/** Longest `setTimeout` delay that does not overflow (about 24.8 days); longer waits re-arm on firing. */
const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * One `setTimeout`, re-armed for the earliest time something must happen.
 * Arming it for the time it is already set to keeps the running timer.
 */
export class SingleTimer {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private at = Number.POSITIVE_INFINITY;

  constructor(private readonly onFire: () => void) {}

  /** Fires `onFire` at `time` (epoch ms; `Infinity` = never), replacing any earlier setting. */
  set(time: number, now: number): void {
    if (this.timer !== undefined && time === this.at) return;
    this.clear();
    if (time === Number.POSITIVE_INFINITY) return;
    this.at = time;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.at = Number.POSITIVE_INFINITY;
      this.onFire();
    }, Math.min(MAX_TIMER_MS, Math.max(0, time - now)));
  }

  /** Cancels the timer. */
  clear(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    this.at = Number.POSITIVE_INFINITY;
  }
}
