import { describe, expect, it, vi } from "vitest";
import { createJobWatcher, InvalidArgumentError, JobsApiError, WaitTimeoutError, WatcherClosedError, type GetJob, type JobLike } from "../api.js";
import { jobId, T0, useFakeClock } from "./client-under-test.js";
import { jobBodyAt, type SimulatedJobSpec } from "./job-simulator.js";


/** A direct getJob over simulated jobs (no HTTP layer: 10 000 waits stay fast), recording send times. */
function simulatedJobs(specs: readonly SimulatedJobSpec[], fault?: (call: number, at: number) => Error | undefined) {
  const byId = new Map(specs.map((s) => [s.jobId, s]));
  const sentAt: number[] = [];
  const getJob: GetJob<JobLike> = async (id) => {
    sentAt.push(Date.now());
    const error = fault?.(sentAt.length, Date.now());
    if (error !== undefined) throw error;
    const spec = byId.get(id);
    if (spec === undefined) throw new Error(`unknown ${id}`);
    return jobBodyAt(spec, Date.now()) as JobLike;
  };
  return { getJob, sentAt };
}

const throttle = (retryAfterMs?: number) =>
  new JobsApiError({ status: 429, code: "Common.1503", message: "Flow control", service: "ecs", retryable: true, retryAfterMs });

/** Most requests sent in any window [t, t + windowMs). */
function busiestWindow(sentAt: readonly number[], windowMs = 1_000): number {
  let most = 0;
  for (let i = 0, j = 0; i < sentAt.length; i++) {
    while ((sentAt[i] ?? 0) - (sentAt[j] ?? 0) >= windowMs) j++;
    most = Math.max(most, i - j + 1);
  }
  return most;
}

const specsOf = (n: number) => Array.from({ length: n }, (_, i) => jobId(i));

async function runUntilSettled(promises: Promise<unknown>[], stepMs = 1_000, maxSteps = 100_000) {
  let pending = promises.length;
  for (const p of promises) p.then(() => pending--, () => pending--);
  for (let step = 0; pending > 0 && step < maxSteps; step++) await vi.advanceTimersByTimeAsync(stepMs);
  return pending;
}

useFakeClock();

describe("createJobWatcher", () => {
  it("holds 10 000 concurrent waits, pacing their polls 1/N s apart and never exceeding the cap in any one-second window", async () => {
    const specs = Array.from({ length: 10_000 }, (_, i) => ({
      jobId: jobId(i),
      beginAt: T0 - (i % 7) * 1_000,
      endMs: 5_000 + ((i * 7919) % 3_600) * 1_000, // 5 s … 1 h, scattered
      outcome: i % 10 === 0 ? ("FAIL" as const) : ("SUCCESS" as const),
    }));
    const { getJob, sentAt } = simulatedJobs(specs);
    const watcher = createJobWatcher({ getJob, maxRequestsPerSecond: 50, timeoutMs: 6 * 3_600_000 });
    const outcomes = specs.map((s) => watcher.wait(s.jobId).then((job) => job.status, (e: unknown) => (e as Error).name));
    expect(watcher.stats().waits).toBe(10_000);
    expect(vi.getTimerCount()).toBe(1); // one timer for all of them

    expect(await runUntilSettled(outcomes, 10_000)).toBe(0);

    expect(busiestWindow(sentAt)).toBeLessThanOrEqual(50);
    expect(busiestWindow(sentAt, 20)).toBe(1); // paced: one poll per 1/50 s, never a burst
    const results = await Promise.all(outcomes);
    expect(results.filter((r) => r === "SUCCESS")).toHaveLength(9_000);
    expect(results.filter((r) => r === "JobFailedError")).toHaveLength(1_000);
    expect(watcher.stats()).toMatchObject({ waits: 0, inFlight: 0, requests: sentAt.length });
    expect(vi.getTimerCount()).toBe(0);
  });

  it("backs every wait off together after a 429, until its Retry-After has passed", async () => {
    const specs = Array.from({ length: 200 }, (_, i) => ({ jobId: jobId(i), beginAt: T0, endMs: 120_000, outcome: "SUCCESS" as const }));
    const { getJob, sentAt } = simulatedJobs(specs, (call) => (call === 150 ? throttle(5_000) : undefined));
    const watcher = createJobWatcher({ getJob, maxRequestsPerSecond: 20 });
    const outcomes = specs.map((s) => watcher.wait(s.jobId));
    let throttledAt = Number.NaN;
    while (Number.isNaN(throttledAt)) {
      await vi.advanceTimersByTimeAsync(100);
      if (watcher.stats().throttled > 0) throttledAt = sentAt[149] ?? 0;
    }
    expect(watcher.stats().currentLimit).toBe(10); // halved
    await runUntilSettled(outcomes);

    const during = sentAt.filter((t) => t > throttledAt && t < throttledAt + 5_000);
    expect(during).toEqual([]);
    expect(sentAt.filter((t) => t >= throttledAt + 5_000).length).toBeGreaterThan(0);
    // Recovery: the cap grows back by a tenth per second after the pause.
    expect(busiestWindow(sentAt.filter((t) => t >= throttledAt + 5_000 && t < throttledAt + 6_000))).toBeLessThanOrEqual(10);
    expect(watcher.stats().currentLimit).toBe(20);
  });

  it("halves the cap once for a burst of 429s to requests that were in flight together", async () => {
    // The first 20 polls (paced over the first second) are all answered 429 two seconds after they went.
    let calls = 0;
    const getJob: GetJob<JobLike> = (id) => {
      calls += 1;
      if (calls > 20) return Promise.resolve({ status: "SUCCESS", job_id: id });
      return new Promise((_, reject) => setTimeout(() => reject(throttle()), 2_000));
    };
    const watcher = createJobWatcher({ getJob, maxRequestsPerSecond: 20 });
    const outcomes = specsOf(40).map((id) => watcher.wait(id));
    await vi.advanceTimersByTimeAsync(1_000);
    expect(watcher.stats()).toMatchObject({ inFlight: 20, throttled: 0 });
    await vi.advanceTimersByTimeAsync(2_000); // their answers came 2.0 … 2.95 s in, all after the first reaction
    expect(watcher.stats()).toMatchObject({ inFlight: 0, throttled: 20, currentLimit: 10 });
    await runUntilSettled(outcomes);
  });

  it("ends waits at their deadline even while the cap keeps their polls queued", async () => {
    const specs = Array.from({ length: 10 }, (_, i) => ({ jobId: jobId(i), beginAt: T0, endMs: 600_000, outcome: "SUCCESS" as const }));
    const { getJob, sentAt } = simulatedJobs(specs);
    const watcher = createJobWatcher({ getJob, maxRequestsPerSecond: 1, timeoutMs: 3_000 });
    const settledAt: number[] = [];
    const outcomes = specs.map((s) => watcher.wait(s.jobId).catch((e: unknown) => (settledAt.push(Date.now()), e)));
    await vi.advanceTimersByTimeAsync(10_000);
    const errors = await Promise.all(outcomes);
    expect(errors.every((e) => e instanceof WaitTimeoutError)).toBe(true);
    expect(Math.max(...settledAt)).toBe(T0 + 3_000);
    expect(sentAt).toHaveLength(3); // one per second
    expect(errors.filter((e) => (e as WaitTimeoutError).lastJob === undefined)).toHaveLength(7);
  });

  it("keeps at most maxConcurrentRequests in flight", async () => {
    let inFlight = 0;
    let most = 0;
    const getJob: GetJob<JobLike> = (id) => {
      most = Math.max(most, ++inFlight);
      return new Promise((resolve) => setTimeout(() => (inFlight--, resolve({ status: "SUCCESS", job_id: id })), 3_000));
    };
    const watcher = createJobWatcher({ getJob, maxRequestsPerSecond: 100, maxConcurrentRequests: 4 });
    const outcomes = Array.from({ length: 12 }, (_, i) => watcher.wait(jobId(i)));
    await runUntilSettled(outcomes, 500);
    expect(most).toBe(4);
  });

  it("aborting one wait leaves the others running", async () => {
    const specs = [0, 1, 2].map((i) => ({ jobId: jobId(i), beginAt: T0, endMs: 30_000, outcome: "SUCCESS" as const }));
    const { getJob } = simulatedJobs(specs);
    const watcher = createJobWatcher({ getJob });
    const controller = new AbortController();
    const aborted = watcher.wait(jobId(1), { signal: controller.signal }).catch((e: unknown) => e);
    const others = [watcher.wait(jobId(0)), watcher.wait(jobId(2))];
    await vi.advanceTimersByTimeAsync(5_000);
    controller.abort("not needed");
    expect(await aborted).toBe("not needed");
    expect(watcher.stats().waits).toBe(2);
    await vi.advanceTimersByTimeAsync(40_000);
    await expect(Promise.all(others)).resolves.toHaveLength(2);
  });

  it("close() rejects running and later waits with WatcherClosedError and stops its timer", async () => {
    const { getJob } = simulatedJobs([{ jobId: jobId(1), beginAt: T0, endMs: 600_000, outcome: "SUCCESS" }]);
    const watcher = createJobWatcher({ getJob });
    const running = watcher.wait(jobId(1)).catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(10_000);
    watcher.close();
    expect(await running).toBeInstanceOf(WatcherClosedError);
    expect(vi.getTimerCount()).toBe(0);
    await expect(watcher.wait(jobId(1))).rejects.toBeInstanceOf(WatcherClosedError);
  });

  it("calls a client's getJob with its retries off", async () => {
    const client = { getJob: vi.fn(async (id: string) => ({ status: "SUCCESS", job_id: id })) };
    const watcher = createJobWatcher({ client });
    await expect(watcher.wait(jobId(1))).resolves.toMatchObject({ status: "SUCCESS" });
    expect(client.getJob).toHaveBeenCalledWith(jobId(1), expect.objectContaining({ retry: false, signal: expect.any(AbortSignal) }));
  });

  it.each([
    [{}, "getJob"],
    [{ getJob: async () => ({}), client: { getJob: async () => ({}) } }, "getJob"],
    [{ getJob: async () => ({}), maxRequestsPerSecond: 0 }, "maxRequestsPerSecond"],
    [{ getJob: async () => ({}), maxRequestsPerSecond: Number.NaN }, "maxRequestsPerSecond"],
    [{ getJob: async () => ({}), maxConcurrentRequests: 0 }, "maxConcurrentRequests"],
    [{ getJob: async () => ({}), minDelayMs: -5 }, "minDelayMs"],
  ])("refuses options %o", (options, argument) => {
    expect(() => createJobWatcher(options as never)).toThrow(InvalidArgumentError);
    try {
      createJobWatcher(options as never);
    } catch (error) {
      expect((error as InvalidArgumentError).argument).toBe(argument);
    }
  });
});
