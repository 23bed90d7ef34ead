import { describe, expect, it, vi } from "vitest";
import { WaitTimeoutError, waitForJob, type GetJob, type JobLike } from "../api.js";
import { jobId, simulatedGetJob, T0, useFakeClock, track } from "./client-under-test.js";
import { JobSimulator } from "./job-simulator.js";



/** A getJob whose requests hang until aborted; it records each request's signal. */
function hangingGetJob() {
  const signals: AbortSignal[] = [];
  const getJob: GetJob<JobLike> = (_id, { signal }) =>
    new Promise((_resolve, reject) => {
      if (signal) signals.push(signal);
      signal?.addEventListener("abort", () => reject(signal.reason));
    });
  return { getJob, signals };
}

useFakeClock();

describe("waitForJob abort", () => {
  it("rejects with the signal's reason at once when aborted between polls, leaving no timer", async () => {
    const id = jobId(20);
    const sim = new JobSimulator().add({ jobId: id, beginAt: T0, endMs: 600_000, outcome: "SUCCESS" });
    const controller = new AbortController();
    const done = track(waitForJob(simulatedGetJob(sim), id, { signal: controller.signal }));
    await vi.advanceTimersByTimeAsync(30_500);
    const calls = sim.calls.length;
    const reason = new Error("user pressed Ctrl-C");
    controller.abort(reason);
    await vi.advanceTimersByTimeAsync(0);
    expect(done.error).toBe(reason);
    expect(done.at).toBe(T0 + 30_500);
    expect(vi.getTimerCount()).toBe(0);
    await vi.advanceTimersByTimeAsync(600_000);
    expect(sim.calls).toHaveLength(calls);
  });

  it("aborts the request in flight and rejects with the reason", async () => {
    const { getJob, signals } = hangingGetJob();
    const controller = new AbortController();
    const done = track(waitForJob(getJob, jobId(21), { signal: controller.signal }));
    await vi.advanceTimersByTimeAsync(5_000);
    controller.abort("stop");
    await vi.advanceTimersByTimeAsync(0);
    expect(done.error).toBe("stop");
    expect(signals).toHaveLength(1);
    expect(signals[0]?.aborted).toBe(true);
    expect(vi.getTimerCount()).toBe(0);
  });

  it("rejects with the reason and sends nothing when the signal is already aborted", async () => {
    const getJob = vi.fn();
    const reason = new DOMException("gone", "AbortError");
    await expect(waitForJob(getJob, jobId(22), { signal: AbortSignal.abort(reason) })).rejects.toBe(reason);
    expect(getJob).not.toHaveBeenCalled();
    expect(vi.getTimerCount()).toBe(0);
  });

  it("stops listening to a long-lived signal once the wait ends", async () => {
    const id = jobId(23);
    const sim = new JobSimulator().add({ jobId: id, beginAt: T0 - 60_000, endMs: 0, outcome: "SUCCESS" });
    const controller = new AbortController();
    const remove = vi.spyOn(controller.signal, "removeEventListener");
    await expect(waitForJob(simulatedGetJob(sim), id, { signal: controller.signal })).resolves.toMatchObject({ status: "SUCCESS" });
    expect(remove).toHaveBeenCalledWith("abort", expect.any(Function));
  });
});

describe("waitForJob timeout", () => {
  it("trims the last poll to the deadline and rejects with WaitTimeoutError carrying the last job", async () => {
    const id = jobId(24);
    const sim = new JobSimulator().add({ jobId: id, beginAt: T0, endMs: Number.POSITIVE_INFINITY, outcome: "SUCCESS" });
    const timeoutMs = 100_000;
    const done = track(waitForJob(simulatedGetJob(sim), id, { timeoutMs }));
    await vi.advanceTimersByTimeAsync(200_000);

    const error = done.error as WaitTimeoutError;
    expect(error).toBeInstanceOf(WaitTimeoutError);
    expect(error.code).toBe("WAIT_TIMEOUT");
    expect(done.at).toBe(T0 + timeoutMs);
    expect((error.lastJob as { status: string }).status).toBe("RUNNING");
    expect(error.state.polls).toBe(sim.calls.length);
    // The natural next poll after the one before last would have fallen past the deadline:
    // the last one went one round trip (here the 1-ms minimum) before it instead.
    const last = sim.calls.at(-1)?.at ?? 0;
    const beforeLast = sim.calls.at(-2)?.at ?? 0;
    expect(last).toBe(T0 + timeoutMs - 1);
    expect(beforeLast + 0.075 * (beforeLast - T0)).toBeGreaterThan(last);
    expect(vi.getTimerCount()).toBe(0);
  });

  it("aborts a request still in flight at the deadline and rejects at the deadline", async () => {
    const { getJob, signals } = hangingGetJob();
    const done = track(waitForJob(getJob, jobId(25), { timeoutMs: 20_000 }));
    await vi.advanceTimersByTimeAsync(60_000);
    expect(done.error).toBeInstanceOf(WaitTimeoutError);
    expect(done.at).toBe(T0 + 20_000);
    expect((done.error as WaitTimeoutError).lastJob).toBeUndefined();
    expect(signals.every((s) => s.aborted)).toBe(true);
    expect(vi.getTimerCount()).toBe(0);
  });

  it("ends by the deadline even when getJob ignores its signal", async () => {
    const getJob: GetJob<JobLike> = () => new Promise(() => {});
    const done = track(waitForJob(getJob, jobId(26), { timeoutMs: 5_000 }));
    await vi.advanceTimersByTimeAsync(10_000);
    expect(done.error).toBeInstanceOf(WaitTimeoutError);
    expect(done.at).toBe(T0 + 5_000);
  });

  it("does not poll again when no poll fits between minDelayMs and the deadline", async () => {
    const id = jobId(27);
    const sim = new JobSimulator().add({ jobId: id, beginAt: T0, endMs: Number.POSITIVE_INFINITY, outcome: "SUCCESS" });
    const done = track(waitForJob(simulatedGetJob(sim), id, { timeoutMs: 2_500, minDelayMs: 2_000 }));
    await vi.advanceTimersByTimeAsync(5_000);
    expect(done.error).toBeInstanceOf(WaitTimeoutError);
    expect(sim.calls.map((c) => c.at - T0)).toEqual([0, 2_000]);
    expect(done.at).toBe(T0 + 2_500);
  });
});
