import { JobsApiError } from "./errors.js";

/** A retry about to happen, as passed to `onRetry`. */
export interface RetryEvent {
  /** Number of the attempt that just failed (1 = the first request). */
  readonly attempt: number;
  /** How long the client waits before the next attempt. */
  readonly delayMs: number;
  /** Why the attempt failed. */
  readonly error: JobsApiError;
}

/**
 * Retry policy for one `getJob` call. Defaults (`DEFAULT_RETRY`): 3 attempts
 * in total; delay before retry n is a random value in
 * `[0, min(10 000, 500 · 2^(n-1))]` ms (capped exponential backoff, full
 * jitter), except that a `Retry-After` header is waited exactly — and not at
 * all retried when it asks for more than 60 s. Retried: errors with
 * `retryable: true` (429, 502, 503, 504, throttling codes, network errors).
 */
export interface RetryOptions {
  /** Attempts in total, the first included (1 = no retry). Default 3. */
  readonly maxAttempts?: number;
  /** Backoff before the first retry, before jitter. Default 500 ms. */
  readonly baseDelayMs?: number;
  /** Upper bound of any backoff, before jitter. Default 10 000 ms. */
  readonly maxDelayMs?: number;
  /** A `Retry-After` longer than this ends the retries (the error is thrown). Default 60 000 ms. */
  readonly maxRetryAfterMs?: number;
  /** Decides whether an error is retried. Default: `error.retryable`. */
  readonly shouldRetry?: (error: JobsApiError, attempt: number) => boolean;
  /** Called before each backoff sleep; a throwing hook does not break the call. */
  readonly onRetry?: (event: RetryEvent) => void;
  /** Source of jitter in [0, 1). Default `Math.random`; tests pass a constant. */
  readonly random?: () => number;
}

/** `RetryOptions` with every number filled in. */
export type ResolvedRetry = RetryOptions & {
  readonly maxAttempts: number;
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
  readonly maxRetryAfterMs: number;
};

/** The documented defaults of `RetryOptions`. */
export const DEFAULT_RETRY: ResolvedRetry = Object.freeze({
  maxAttempts: 3,
  baseDelayMs: 500,
  maxDelayMs: 10_000,
  maxRetryAfterMs: 60_000,
});

/** Merges per-call over per-client over default options; `false` anywhere disables retries for that call. */
export function resolveRetry(
  client: RetryOptions | false | undefined,
  call: RetryOptions | false | undefined,
): ResolvedRetry {
  if (client === false || call === false) return { ...DEFAULT_RETRY, maxAttempts: 1 };
  return { ...DEFAULT_RETRY, ...client, ...call };
}

/**
 * Delay before the retry that follows failed attempt `attempt`: full jitter
 * over a capped exponential, or exactly `retryAfterMs` when the server said.
 */
export function backoffDelay(
  attempt: number,
  policy: Pick<RetryOptions, "baseDelayMs" | "maxDelayMs" | "random">,
  retryAfterMs?: number,
): number {
  if (retryAfterMs !== undefined) return retryAfterMs;
  const base = policy.baseDelayMs ?? DEFAULT_RETRY.baseDelayMs;
  const cap = Math.min(policy.maxDelayMs ?? DEFAULT_RETRY.maxDelayMs, base * 2 ** Math.min(attempt - 1, 30));
  return Math.floor((policy.random ?? Math.random)() * cap);
}

/** Waits `ms`, or rejects with the signal's reason as soon as it aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  if (signal?.aborted) return Promise.reject(signal.reason);
  // Full jitter draws 0 now and then; a timer would still cost a clock tick.
  if (ms <= 0) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}

/**
 * Runs `operation` until it succeeds, throws something not retryable, or the
 * attempts run out. Only `JobsApiError`s are retried; anything else (an
 * abort reason, an `InvalidArgumentError`) is thrown at once. The signal
 * cancels the backoff sleep.
 */
export async function withRetry<T>(
  operation: (attempt: number) => Promise<T>,
  policy: ResolvedRetry,
  signal?: AbortSignal,
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await operation(attempt);
    } catch (error) {
      if (!(error instanceof JobsApiError) || signal?.aborted || attempt >= policy.maxAttempts) throw error;
      if (!(policy.shouldRetry ?? ((e: JobsApiError) => e.retryable))(error, attempt)) throw error;
      if (error.retryAfterMs !== undefined && error.retryAfterMs > policy.maxRetryAfterMs) throw error;
      const delayMs = backoffDelay(attempt, policy, error.retryAfterMs);
      try {
        policy.onRetry?.({ attempt, delayMs, error });
      } catch {
        // An observer must not change the outcome of the call.
      }
      await sleep(delayMs, signal);
    }
  }
}
