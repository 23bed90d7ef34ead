import fc from "fast-check";
import { describe, expect, it, vi } from "vitest";
import { createJobWatcher, type GetJob, type JobLike } from "../api.js";
import { jobId, T0, useFakeClock } from "./client-under-test.js";


/** Most requests sent in any window [t, t + windowMs). */
function busiestWindow(sentAt: readonly number[], windowMs: number): number {
  let most = 0;
  for (let i = 0, j = 0; i < sentAt.length; i++) {
    while ((sentAt[i] ?? 0) - (sentAt[j] ?? 0) >= windowMs) j++;
    most = Math.max(most, i - j + 1);
  }
  return most;
}

/** Jobs that end `endMs[i]` after T0, answered after `latencyMs`; records each call's time. */
function jobsEndingAt(endMs: readonly number[], latencyMs = 0) {
  const sentAt: number[] = [];
  const getJob: GetJob<JobLike> = (id) => {
    sentAt.push(Date.now());
    const i = Number.parseInt(id.slice(-4), 16);
    const job = { job_id: id, status: Date.now() - T0 >= (endMs[i] ?? 0) ? "SUCCESS" : "RUNNING", begin_time: new Date(T0).toISOString() };
    return new Promise((resolve) => setTimeout(() => resolve(job), latencyMs));
  };
  return { getJob, sentAt };
}

async function settle(promises: readonly Promise<unknown>[]): Promise<void> {
  let pending = promises.length;
  for (const p of promises) p.then(() => pending--, () => pending--);
  for (let step = 0; pending > 0 && step < 10_000; step++) await vi.advanceTimersByTimeAsync(1_000);
  expect(pending).toBe(0);
}

useFakeClock();

describe("createJobWatcher pacing", () => {
  it("starts at most ceil(N / 100) polls at once and spreads the rest 1/N s apart, on one timer", async () => {
    const { getJob, sentAt } = jobsEndingAt(Array.from({ length: 2_000 }, (_, i) => 3_000 + (i % 50) * 1_000));
    const watcher = createJobWatcher({ getJob, maxRequestsPerSecond: 500 });
    const waits = Array.from({ length: 2_000 }, (_, i) => watcher.wait(jobId(i)));
    expect(sentAt).toHaveLength(5); // not 500: the burst is ceil(500 / 100)
    expect(vi.getTimerCount()).toBe(1 + sentAt.length); // the watcher's one, and one per answer of the simulated server
    await vi.advanceTimersByTimeAsync(100);
    expect(sentAt.length).toBeGreaterThanOrEqual(50);
    expect(sentAt.length).toBeLessThanOrEqual(55); // 5 at once, then one every 2 ms
    await settle(waits);
    expect(busiestWindow(sentAt, 2)).toBeLessThanOrEqual(5);
    expect(busiestWindow(sentAt, 1_000)).toBeLessThanOrEqual(500);
  });

  it("never exceeds the cap in a second nor the burst in a 1/N-s slice, whatever the rate, waits, jobs and latency", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 400 }),
        fc.array(fc.integer({ min: 0, max: 120_000 }), { minLength: 1, maxLength: 300 }),
        fc.integer({ min: 0, max: 800 }),
        async (rate, endMs, latencyMs) => {
          vi.setSystemTime(T0);
          const { getJob, sentAt } = jobsEndingAt(endMs, latencyMs);
          const watcher = createJobWatcher({ getJob, maxRequestsPerSecond: rate, random: () => 0.5 });
          await settle(endMs.map((_, i) => watcher.wait(jobId(i), { timeoutMs: 3_600_000 })));
          expect(busiestWindow(sentAt, 1_000)).toBeLessThanOrEqual(rate);
          expect(busiestWindow(sentAt, 1_000 / rate)).toBeLessThanOrEqual(Math.max(1, Math.ceil(rate / 100)));
          watcher.close();
        },
      ),
      { numRuns: 25 },
    );
  });

  it("keeps the cap for arrivals at the server, whatever each request spends between the watcher and the server", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 100 }),
        fc.array(fc.record({ latencyMs: fc.integer({ min: 0, max: 2_500 }), at: fc.double({ min: 0, max: 1, noNaN: true }) }), { minLength: 1, maxLength: 200 }),
        async (rate, requests) => {
          vi.setSystemTime(T0);
          const arrivals: number[] = [];
          // The n-th request spends `latencyMs` in all and reaches the server after a fraction `at` of it.
          const getJob: GetJob<JobLike> = (id) => {
            const { latencyMs, at } = requests[arrivals.length % requests.length] as { latencyMs: number; at: number };
            arrivals.push(Date.now() + at * latencyMs);
            const job = { job_id: id, status: arrivals.length > 3 * requests.length ? "SUCCESS" : "RUNNING" };
            return new Promise((resolve) => setTimeout(() => resolve(job), latencyMs));
          };
          const watcher = createJobWatcher({ getJob, maxRequestsPerSecond: rate, minDelayMs: 1, maxDelayMs: 1, random: () => 0.5 });
          await settle(requests.map((_, i) => watcher.wait(jobId(i), { timeoutMs: 3_600_000 })));
          expect(busiestWindow([...arrivals].sort((a, b) => a - b), 1_000)).toBeLessThanOrEqual(rate);
          watcher.close();
        },
      ),
      { numRuns: 25 },
    );
  });
});
