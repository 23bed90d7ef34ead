import { afterEach, describe, expect, it, vi } from "vitest";
import { adaptivePollingPolicy, fixedIntervalPolicy, simulatePolicy, waitForJob } from "../api.js";
import { T0, jobId, simulatedGetJob } from "./client-under-test.js";
import { JobSimulator } from "./job-simulator.js";

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

describe("simulatePolicy drives the engine of waitForJob", () => {
  const unavailable = (retryAfterSeconds?: number) => () =>
    Response.json({ code: "EVS.5503", message: "busy" }, { status: 503, headers: retryAfterSeconds === undefined ? {} : { "retry-after": String(retryAfterSeconds) } });

  afterEach(() => {
    vi.restoreAllMocks();
    vi.useRealTimers();
  });

  it.each([
    { name: "a 10-minute job, waited for from its start", durationMs: 600_000 },
    { name: "a job with sub-jobs, waited for from 40 s after it began", durationMs: 300_000, subJobEndsMs: [60_000, 200_000, 280_000], waitStartMs: 40_000 },
    { name: "transient errors, with and without Retry-After", durationMs: 120_000, faults: { 3: 3, 4: undefined, 5: undefined } as Record<number, number | undefined> },
    { name: "a deadline before the job ends (final poll trimmed to it)", durationMs: 600_000, timeoutMs: 95_500 },
  ])("polls at the same instants as a fake-timer run of waitForJob: $name", async ({ durationMs, subJobEndsMs = [], waitStartMs = 0, faults = {}, timeoutMs = 3_600_000 }) => {
    const simulated = simulatePolicy(adaptivePollingPolicy(), { durationMs, subJobEndsMs }, {
      waitStartMs,
      timeoutMs,
      random: () => 0.5,
      fault: (n) => (n in faults ? { ...(faults[n] === undefined ? {} : { retryAfterMs: (faults[n] as number) * 1000 }) } : undefined),
    });

    vi.useFakeTimers({ now: T0 + waitStartMs });
    vi.spyOn(Math, "random").mockReturnValue(0.5);
    const id = jobId(77);
    const server = new JobSimulator().add({
      jobId: id,
      beginAt: T0,
      endMs: durationMs,
      outcome: "SUCCESS",
      subJobs: subJobEndsMs.map((endMs) => ({ endMs, outcome: "SUCCESS" as const })),
    });
    for (const [n, seconds] of Object.entries(faults)) server.failCall(Number(n), unavailable(seconds));
    const outcome = waitForJob(simulatedGetJob(server), id, { timeoutMs }).then(
      () => "resolved",
      (error: unknown) => (error as Error).name,
    );
    await vi.advanceTimersByTimeAsync(Math.min(durationMs, timeoutMs) + 120_000);

    expect(server.calls.map((c) => c.at - T0)).toEqual(simulated.pollTimesMs);
    expect(await outcome).toBe(simulated.timedOut ? "WaitTimeoutError" : "resolved");
    expect(simulated.pollTimesMs.length).toBeGreaterThan(3);
  });
});
