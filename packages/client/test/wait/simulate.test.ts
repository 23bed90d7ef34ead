import { describe, expect, it } from "vitest";
import { adaptivePollingPolicy, fixedIntervalPolicy, simulatePolicy } from "../../src/wait/index.js";

/** 400 job durations spread evenly on a log scale from 1 s to 1 h (the range issue 7 benchmarks). */
const durations = Array.from({ length: 400 }, (_, i) => Math.round(1_000 * Math.exp((Math.log(3_600) * (i + 0.5)) / 400)));
const quantile = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.floor(q * (xs.length - 1))] ?? Number.NaN;

describe("simulatePolicy", () => {
  it("replays fixed 1-s polling exactly", () => {
    const result = simulatePolicy(fixedIntervalPolicy(1_000), 10_500);
    expect(result.pollTimesMs).toEqual([0, 1_000, 2_000, 3_000, 4_000, 5_000, 6_000, 7_000, 8_000, 9_000, 10_000, 11_000]);
    expect(result).toMatchObject({ requests: 12, detectedAtMs: 11_000, detectionDelayMs: 500, timedOut: false });
  });

  it("adds the round trip, and the server reads the job half-way through it", () => {
    const result = simulatePolicy(fixedIntervalPolicy(1_000), 2_050, { latencyMs: 100 });
    expect(result.pollTimesMs).toEqual([0, 1_100, 2_200]);
    expect(result.detectedAtMs).toBe(2_300);
  });

  it("honours minDelayMs, Retry-After of a fault and the deadline like the waiter", () => {
    const faulty = simulatePolicy(fixedIntervalPolicy(10), 5_000, { fault: (n) => (n === 2 ? { retryAfterMs: 3_000 } : undefined) });
    expect(faulty.pollTimesMs.slice(0, 3)).toEqual([0, 1_000, 4_000]);
    const late = simulatePolicy(fixedIntervalPolicy(1_000), 60_000, { timeoutMs: 2_500 });
    expect(late).toMatchObject({ timedOut: true, detectedAtMs: undefined });
    // After the poll at 2 s, the next one could only go at 2.499 s, sooner than minDelayMs: none goes.
    expect(late.pollTimesMs).toEqual([0, 1_000, 2_000]);
  });

  it("polls sooner near the end when sub-jobs finish", () => {
    const job = { durationMs: 400_000, subJobEndsMs: [100_000, 200_000, 300_000, 360_000] };
    const plain = simulatePolicy(adaptivePollingPolicy(), job.durationMs);
    const withSubJobs = simulatePolicy(adaptivePollingPolicy(), job);
    expect(withSubJobs.detectionDelayMs ?? Infinity).toBeLessThan((plain.detectionDelayMs ?? 0) / 2);
    expect(withSubJobs.requests).toBeLessThan(plain.requests * 1.2);
  });

  it("meets the benchmark goals on jobs of 1 s to 1 h: ≤ 10 % of the requests of fixed 1-s polling, p50 delay ≤ 5 % of the duration", () => {
    const adaptive = durations.map((d) => simulatePolicy(adaptivePollingPolicy(), d));
    const fixed = durations.map((d) => simulatePolicy(fixedIntervalPolicy(1_000), d));
    const sum = (rs: typeof adaptive) => rs.reduce((n, r) => n + r.requests, 0);
    const relativeDelay = adaptive.map((r, i) => (r.detectionDelayMs ?? Infinity) / (durations[i] ?? 1));

    expect(sum(adaptive) / sum(fixed)).toBeLessThanOrEqual(0.1);
    expect(quantile(relativeDelay, 0.5)).toBeLessThanOrEqual(0.05);
    // Never more requests than fixed 1-s polling for any single job.
    adaptive.forEach((r, i) => expect(r.requests).toBeLessThanOrEqual(fixed[i]?.requests ?? 0));
    // From 20 s on, every job is noticed within elapsedFraction (7.5 %) of its duration.
    relativeDelay.forEach((rel, i) => {
      if ((durations[i] ?? 0) >= 20_000) expect(rel).toBeLessThanOrEqual(0.075);
    });
  });
});
