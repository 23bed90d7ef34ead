import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { JobsApiError } from "./errors.js";
import { backoffDelay, withRetry } from "./client.js";
import { DEFAULT_RETRY, resolveRetry, type RetryEvent } from "./options.js";

/** A signal that never aborts. */
const neverSignal = new AbortController().signal;
/** What `withRetry` is given: the call, whose signal cancels the sleep. */
const following = (signal: AbortSignal) => ({ get aborted() { return signal.aborted; }, signal });
const never = following(neverSignal);

const failure = (init: Partial<ConstructorParameters<typeof JobsApiError>[0]> = {}) =>
  new JobsApiError({ status: 503, code: "HTTP_503", message: "unavailable", service: "ecs", retryable: true, ...init });

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe("backoffDelay", () => {
  it("draws from [0, min(cap, base·2^(n-1))] (full jitter)", () => {
    const top = { baseDelayMs: 100, maxDelayMs: 1000, random: () => 0.999999 };
    expect([1, 2, 3, 4, 5, 6].map((n) => backoffDelay(n, top))).toEqual([99, 199, 399, 799, 999, 999]);
    expect(backoffDelay(3, { ...top, random: () => 0 })).toBe(0);
  });

  it("waits exactly what Retry-After asked", () => {
    expect(backoffDelay(1, { random: () => 0 }, 4000)).toBe(4000);
  });
});

describe("withRetry", () => {
  it("retries a retryable error and reports each retry to onRetry", async () => {
    const events: RetryEvent[] = [];
    const operation = vi.fn<() => Promise<string>>().mockRejectedValueOnce(failure()).mockResolvedValueOnce("job");
    const done = withRetry(operation, { ...DEFAULT_RETRY, random: () => 0.5, onRetry: (e) => events.push(e) }, never);
    await vi.advanceTimersByTimeAsync(250);
    await expect(done).resolves.toBe("job");
    expect(operation).toHaveBeenCalledTimes(2);
    expect(events).toMatchObject([{ attempt: 1, delayMs: 250 }]);
  });

  it("retries a 429 after Retry-After, not before", async () => {
    const operation = vi
      .fn<() => Promise<string>>()
      .mockRejectedValueOnce(failure({ status: 429, code: "HTTP_429", retryAfterMs: 3000 }))
      .mockResolvedValueOnce("job");
    const done = withRetry(operation, DEFAULT_RETRY, never);
    await vi.advanceTimersByTimeAsync(2999);
    expect(operation).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1);
    await expect(done).resolves.toBe("job");
  });

  it("gives up when Retry-After is longer than maxRetryAfterMs", async () => {
    const error = failure({ status: 429, retryAfterMs: 120_000 });
    await expect(withRetry(() => Promise.reject(error), DEFAULT_RETRY, never)).rejects.toBe(error);
  });

  it("stops after maxAttempts and throws the last error", async () => {
    const errors = [failure({ code: "A" }), failure({ code: "B" })];
    let n = 0;
    const done = withRetry(() => Promise.reject(errors[n++]), { ...DEFAULT_RETRY, maxAttempts: 2, random: () => 0 }, never);
    const settled = expect(done).rejects.toMatchObject({ code: "B" });
    await vi.runAllTimersAsync();
    await settled;
    expect(n).toBe(2);
  });

  it("does not retry errors that are not retryable, nor non-JobsApiError values", async () => {
    const fatal = failure({ status: 403, retryable: false });
    const op = vi.fn(() => Promise.reject(fatal));
    await expect(withRetry(op, DEFAULT_RETRY, never)).rejects.toBe(fatal);
    expect(op).toHaveBeenCalledTimes(1);
    const bug = new TypeError("bug");
    await expect(withRetry(() => Promise.reject(bug), DEFAULT_RETRY, never)).rejects.toBe(bug);
  });

  it("cancels the backoff sleep when the signal aborts, with the signal's reason", async () => {
    const controller = new AbortController();
    const op = vi.fn(() => Promise.reject(failure()));
    const done = withRetry(op, { ...DEFAULT_RETRY, baseDelayMs: 10_000, random: () => 0.9 }, following(controller.signal));
    const settled = expect(done).rejects.toBe("stop");
    await vi.advanceTimersByTimeAsync(100);
    controller.abort("stop");
    await settled;
    expect(op).toHaveBeenCalledTimes(1);
    expect(vi.getTimerCount()).toBe(0);
  });

  it("keeps going when the onRetry hook throws", async () => {
    const op = vi.fn<() => Promise<string>>().mockRejectedValueOnce(failure()).mockResolvedValueOnce("ok");
    const done = withRetry(op, { ...DEFAULT_RETRY, random: () => 0, onRetry: () => { throw new Error("hook"); } }, never);
    await vi.runAllTimersAsync();
    await expect(done).resolves.toBe("ok");
  });
});

describe("resolveRetry", () => {
  it("lets a call override the client and false disable retries", () => {
    expect(resolveRetry({ maxAttempts: 5 }, { baseDelayMs: 1 })).toMatchObject({ maxAttempts: 5, baseDelayMs: 1, maxDelayMs: 10_000 });
    expect(resolveRetry({ maxAttempts: 5 }, false).maxAttempts).toBe(1);
    expect(resolveRetry(false, { maxAttempts: 5 }).maxAttempts).toBe(1);
  });
});
