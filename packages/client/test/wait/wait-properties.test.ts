import fc from "fast-check";
import { describe, expect, it, vi } from "vitest";
import { JobFailedError, JobNotFoundError, WaitTimeoutError, waitForJob } from "../api.js";
import { jobId, simulatedGetJob, T0, useFakeClock } from "./client-under-test.js";
import {
  JobSimulator,
  badGatewayHtml,
  notFound,
  serviceUnavailable,
  tooManyRequests,
  type Fault,
  type SimulatedJobSpec,
} from "./job-simulator.js";


const faults: Record<string, Fault> = {
  "429": tooManyRequests(0),
  "429 Retry-After 20 s": tooManyRequests(20),
  "502 HTML": badGatewayHtml(),
  "503": serviceUnavailable(),
  reset: "reset",
  "400 Common.0011": () => notFound(),
};

const scenario = fc.record({
  beginOffsetMs: fc.integer({ min: -300_000, max: 10_000 }), // a job begun long ago, or "in the future" (clock skew)
  phases: fc.array(
    fc.record({ status: fc.constantFrom("INIT", "PENDING_PAYMENT", "WAITING_EXECUTE", "LISTENING", "QUEUED"), forMs: fc.integer({ min: 0, max: 60_000 }) }),
    { maxLength: 3 },
  ),
  endMs: fc.oneof(fc.integer({ min: 0, max: 400_000 }), fc.constant(Number.POSITIVE_INFINITY)),
  outcome: fc.constantFrom("SUCCESS" as const, "FAIL" as const),
  subJobs: fc.array(fc.record({ endMs: fc.integer({ min: 0, max: 400_000 }), outcome: fc.constantFrom("SUCCESS" as const, "FAIL" as const) }), { maxLength: 4 }),
  layout: fc.constantFrom("entities" as const, "top" as const),
  timeoutMs: fc.integer({ min: 1, max: 300_000 }),
  minDelayMs: fc.constantFrom(1, 250, 1_000, 4_000),
  faults: fc.dictionary(fc.integer({ min: 1, max: 40 }).map(String), fc.constantFrom(...Object.keys(faults)), { maxKeys: 12 }),
});

useFakeClock();

describe("waitForJob, for any job, fault sequence and timeout", () => {
  it("never reports SUCCESS for a job that failed or FAIL for one that succeeded, and always ends by its deadline", async () => {
    await fc.assert(
      fc.asyncProperty(scenario, async (s) => {
        vi.clearAllTimers();
        vi.setSystemTime(T0);
        const id = jobId(77);
        const spec: SimulatedJobSpec = { jobId: id, beginAt: T0 + s.beginOffsetMs, phases: s.phases, endMs: s.endMs, outcome: s.outcome, subJobs: s.subJobs, layout: s.layout };
        const sim = new JobSimulator().add(spec);
        for (const [call, fault] of Object.entries(s.faults)) sim.failCall(Number(call), faults[fault] as Fault);

        let settled: { at: number; value?: { status: string }; error?: unknown } | undefined;
        waitForJob(simulatedGetJob(sim), id, { timeoutMs: s.timeoutMs, minDelayMs: s.minDelayMs }).then(
          (value) => (settled = { at: Date.now(), value }),
          (error: unknown) => (settled = { at: Date.now(), error }),
        );
        await vi.advanceTimersByTimeAsync(s.timeoutMs);

        expect(settled).toBeDefined();
        if (settled === undefined) return;
        expect(settled.at).toBeLessThanOrEqual(T0 + s.timeoutMs);
        const endedAt = spec.beginAt + spec.endMs;
        if (settled.value !== undefined) {
          expect(s.outcome).toBe("SUCCESS");
          expect(settled.value.status).toBe("SUCCESS");
          expect(endedAt).toBeLessThanOrEqual(settled.at);
        } else if (settled.error instanceof JobFailedError) {
          expect(s.outcome).toBe("FAIL");
          expect(endedAt).toBeLessThanOrEqual(settled.at);
        } else if (settled.error instanceof JobNotFoundError) {
          expect(Object.values(s.faults)).toContain("400 Common.0011");
        } else {
          expect(settled.error).toBeInstanceOf(WaitTimeoutError);
        }
        const gaps = sim.calls.slice(1).map((c, i) => c.at - (sim.calls[i]?.at ?? 0));
        for (const gap of gaps) expect(gap).toBeGreaterThanOrEqual(s.minDelayMs);
        expect(vi.getTimerCount()).toBe(0);
      }),
      { numRuns: 150 },
    );
  });
});
