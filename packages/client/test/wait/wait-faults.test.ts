import { describe, expect, it, vi } from "vitest";
import { JobsApiError, waitForJob, WaitTimeoutError, type WaitRetryInfo } from "../api.js";
import { jobId, simulatedGetJob, T0, useFakeClock, track } from "./client-under-test.js";
import { JobSimulator, badGatewayHtml, serviceUnavailable, tooManyRequests } from "./job-simulator.js";



useFakeClock();

describe("waitForJob with transient faults", () => {
  it("waits out a 429's Retry-After, then carries on to SUCCESS", async () => {
    const id = jobId(30);
    const sim = new JobSimulator().add({ jobId: id, beginAt: T0, endMs: 30_000, outcome: "SUCCESS" }).failCall(3, tooManyRequests(7));
    const retries: WaitRetryInfo[] = [];
    const done = track(waitForJob(simulatedGetJob(sim), id, { onRetry: (r) => retries.push(r) }));
    await vi.advanceTimersByTimeAsync(60_000);

    expect(done.value?.status).toBe("SUCCESS");
    expect(retries).toHaveLength(1);
    expect(retries[0]?.error).toBeInstanceOf(JobsApiError);
    expect((retries[0]?.error as JobsApiError).status).toBe(429);
    expect(retries[0]?.nextPollInMs).toBe(7_000);
    const throttledAt = sim.calls[2]?.at ?? 0;
    expect((sim.calls[3]?.at ?? 0) - throttledAt).toBe(7_000);
  });

  it("rides out a 502 HTML page, a 503 and a connection reset in a row, backing off", async () => {
    const id = jobId(31);
    const sim = new JobSimulator()
      .add({ jobId: id, beginAt: T0, endMs: 45_000, outcome: "SUCCESS", subJobs: [{ endMs: 40_000, outcome: "SUCCESS" }] })
      .failCall(2, badGatewayHtml())
      .failCall(3, serviceUnavailable())
      .failCall(4, "reset");
    const retries: WaitRetryInfo[] = [];
    const done = track(waitForJob(simulatedGetJob(sim), id, { onRetry: (r) => retries.push(r) }));
    await vi.advanceTimersByTimeAsync(90_000);

    expect(done.value?.status).toBe("SUCCESS");
    const errors = retries.map((r) => r.error as JobsApiError);
    expect(errors.map((e) => e.code)).toEqual(["HTTP_502", "EVS.5503", "NETWORK_ERROR"]);
    expect(errors[0]?.message).toContain("502 Bad Gateway");
    expect(retries.map((r) => r.consecutiveErrors)).toEqual([1, 2, 3]);
    const gaps = sim.calls.slice(1, 5).map((c, i) => c.at - (sim.calls[i]?.at ?? 0));
    // Backoff with equal jitter: ≥ half of 1, 2, 4 s.
    expect(gaps[1]).toBeGreaterThanOrEqual(500);
    expect(gaps[2]).toBeGreaterThanOrEqual(1_000);
    expect(gaps[3]).toBeGreaterThanOrEqual(2_000);
    expect(done.at).toBeLessThanOrEqual(T0 + 45_000 + 0.075 * 45_000);
    expect(vi.getTimerCount()).toBe(0);
  });

  it("rides out a 500 HTML page, a 500 in the ECS envelope and a 408: every 5xx and 408 is transient while waiting", async () => {
    const id = jobId(35);
    const internalErrorHtml = () => () => new Response("<html><body><h1>500 Internal Server Error</h1></body></html>", { status: 500, headers: { "content-type": "text/html" } });
    const internalErrorEcs = () => () => Response.json({ error: { code: "Ecs.0000", message: "Internal error." } }, { status: 500 });
    const requestTimeout = () => () => new Response("", { status: 408 });
    const sim = new JobSimulator()
      .add({ jobId: id, beginAt: T0, endMs: 40_000, outcome: "SUCCESS" })
      .failCall(2, internalErrorHtml())
      .failCall(3, internalErrorEcs())
      .failCall(4, requestTimeout());
    const retries: WaitRetryInfo[] = [];
    const done = track(waitForJob(simulatedGetJob(sim), id, { onRetry: (r) => retries.push(r) }));
    await vi.advanceTimersByTimeAsync(90_000);

    expect(done.error).toBeUndefined();
    expect(done.value?.status).toBe("SUCCESS");
    expect(retries.map((r) => (r.error as JobsApiError).status)).toEqual([500, 500, 408]);
    expect(retries.map((r) => (r.error as JobsApiError).retryable)).toEqual([false, false, false]); // getJob alone would not retry them
    expect(vi.getTimerCount()).toBe(0);
  });

  it("still ends at once on a 400 that is not Common.0011", async () => {
    const id = jobId(36);
    const badRequest = () => () => Response.json({ error: { code: "Common.0002", message: "Invalid parameter." } }, { status: 400 });
    const sim = new JobSimulator().add({ jobId: id, beginAt: T0, endMs: 40_000, outcome: "SUCCESS" }).failCall(2, badRequest());
    const done = track(waitForJob(simulatedGetJob(sim), id));
    await vi.advanceTimersByTimeAsync(90_000);

    expect(done.error).toBeInstanceOf(JobsApiError);
    expect((done.error as JobsApiError).code).toBe("Common.0002");
    expect(sim.calls).toHaveLength(2);
    expect(vi.getTimerCount()).toBe(0);
  });

  it("pauses 1, 2, 4 s after 429s that carry no Retry-After, and forgets them after an answer", async () => {
    const id = jobId(34);
    const throttled = () => () => Response.json({ error: { code: "Common.1503", message: "Flow control" } }, { status: 429 });
    const sim = new JobSimulator()
      .add({ jobId: id, beginAt: T0, endMs: 60_000, outcome: "SUCCESS" })
      .failCall(2, throttled())
      .failCall(3, throttled())
      .failCall(4, throttled())
      .failCall(6, throttled());
    const done = track(waitForJob(simulatedGetJob(sim), id, { timeoutMs: 120_000 }));
    await vi.advanceTimersByTimeAsync(120_000);

    expect(done.value?.status).toBe("SUCCESS");
    const gaps = sim.calls.slice(1, 7).map((c, i) => c.at - (sim.calls[i]?.at ?? 0));
    expect(gaps.slice(1, 4)).toEqual([1_000, 2_000, 4_000]);
    expect(gaps[5]).toBe(1_000); // the answer between reset the pause
    expect(vi.getTimerCount()).toBe(0);
  });

  it("times out at the deadline without a poll when Retry-After reaches past it", async () => {
    const id = jobId(32);
    const sim = new JobSimulator().add({ jobId: id, beginAt: T0, endMs: 300_000, outcome: "SUCCESS" }).failCall(2, tooManyRequests(120));
    const done = track(waitForJob(simulatedGetJob(sim), id, { timeoutMs: 60_000 }));
    await vi.advanceTimersByTimeAsync(120_000);

    const error = done.error as WaitTimeoutError;
    expect(error).toBeInstanceOf(WaitTimeoutError);
    expect(done.at).toBe(T0 + 60_000);
    expect(sim.calls).toHaveLength(2);
    expect((error.lastError as JobsApiError).status).toBe(429);
    expect(error.state.transientErrors).toBe(1);
  });

  it("keeps retrying a server that fails every time until the deadline, never faster than minDelayMs", async () => {
    const id = jobId(33);
    const sim = new JobSimulator().add({ jobId: id, beginAt: T0, endMs: 10_000, outcome: "SUCCESS" });
    for (let n = 1; n <= 100; n++) sim.failCall(n, serviceUnavailable());
    const done = track(waitForJob(simulatedGetJob(sim), id, { timeoutMs: 300_000 }));
    await vi.advanceTimersByTimeAsync(400_000);
    expect(done.error).toBeInstanceOf(WaitTimeoutError);
    expect(done.at).toBe(T0 + 300_000);
    const gaps = sim.calls.slice(1).map((c, i) => c.at - (sim.calls[i]?.at ?? 0));
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(500); // first backoff: 1 s with equal jitter
    expect(Math.max(...gaps)).toBeLessThanOrEqual(60_000); // capped by maxDelayMs
    expect(sim.calls.length).toBeLessThan(20);
  });
});
