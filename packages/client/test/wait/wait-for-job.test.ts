import { describe, expect, it, vi } from "vitest";
import { InvalidArgumentError, JobFailedError, JobNotFoundError, JobsApiError, waitForJob, type WaitProgress } from "../api.js";
import { jobId, simulatedGetJob, T0, useFakeClock, track } from "./client-under-test.js";
import { JobSimulator, unauthorized } from "./job-simulator.js";



useFakeClock();

describe("waitForJob", () => {
  it("resolves with the job on SUCCESS after INIT and RUNNING, reporting sub-jobs as they finish one by one", async () => {
    const id = jobId(1);
    const sim = new JobSimulator().add({
      jobId: id,
      beginAt: T0,
      phases: [{ status: "INIT", forMs: 3_000 }],
      endMs: 60_000,
      outcome: "SUCCESS",
      subJobs: [20_000, 40_000, 58_000].map((endMs) => ({ endMs, outcome: "SUCCESS" as const })),
    });
    const seen: WaitProgress[] = [];
    const done = track(waitForJob(simulatedGetJob(sim), id, { onProgress: (p) => seen.push(p) }));

    await vi.advanceTimersByTimeAsync(70_000);

    expect(done.error).toBeUndefined();
    expect(done.value?.status).toBe("SUCCESS");
    expect(done.value?.job_id).toBe(id);
    // Noticed within the policy's bound: 7.5 % of the job's 60 s.
    expect(done.at).toBeGreaterThanOrEqual(T0 + 60_000);
    expect(done.at).toBeLessThanOrEqual(T0 + 64_500);
    const statuses = [...new Set(seen.map((p) => p.status))];
    expect(statuses).toEqual(["INIT", "RUNNING", "SUCCESS"]);
    const succeeded = seen.map((p) => p.subJobs.succeeded);
    expect(succeeded).toEqual([...succeeded].sort((a, b) => a - b));
    expect(new Set(succeeded)).toEqual(new Set([0, 1, 2, 3]));
    expect(seen.at(-1)?.subJobs).toEqual({ total: 3, succeeded: 3, failed: 0, running: 0 });
    expect(seen.map((p) => p.polls)).toEqual(seen.map((_, i) => i + 1));
    expect(seen.at(-1)?.polls).toBe(sim.calls.length);
    expect(seen.at(-1)?.elapsedMs).toBe((done.at ?? 0) - T0);
    expect(vi.getTimerCount()).toBe(0);
  });

  it("polls at most as often as fixed 1-s polling and far less as the job ages", async () => {
    const id = jobId(2);
    const sim = new JobSimulator().add({ jobId: id, beginAt: T0, endMs: 600_000, outcome: "SUCCESS" });
    const done = track(waitForJob(simulatedGetJob(sim), id));
    await vi.advanceTimersByTimeAsync(700_000);
    expect(done.value?.status).toBe("SUCCESS");
    const gaps = sim.calls.slice(1).map((c, i) => c.at - (sim.calls[i]?.at ?? 0));
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(1_000);
    expect(gaps).toEqual([...gaps].sort((a, b) => a - b)); // no sub-jobs, no errors: delays only grow
    // The policy's own estimate, 1/f + ln(f·T/min)/ln(1+f) (+1 for the first poll, +1 for rounding): 68, against 601 for fixed 1-s polling.
    const f = 0.075;
    expect(sim.calls.length).toBeLessThanOrEqual(Math.ceil(1 / f + Math.log((f * 600_000) / 1_000) / Math.log(1 + f)) + 2);
  });

  it("rejects with JobFailedError carrying error_code, fail_reason and decoded errorcode_message of failed sub-jobs", async () => {
    const id = jobId(3);
    const nova = JSON.stringify({ forbidden: { code: 403, message: "Quota exceeded for instances: Requested 1, but already used 200 of 200 instances" } });
    const sim = new JobSimulator().add({
      jobId: id,
      beginAt: T0 - 5_000,
      endMs: 30_000,
      outcome: "FAIL",
      errorCode: "Ecs.0204",
      failReason: "CreateServerWithRootVolumeAndDataVolumeTask-fail: quota",
      subJobs: [
        { endMs: 10_000, outcome: "SUCCESS" },
        { endMs: 25_000, outcome: "FAIL", errorCode: "Ecs.0204", errorcodeMessage: nova },
      ],
    });
    const done = track(waitForJob(simulatedGetJob(sim), id, { service: "ecs" }));
    await vi.advanceTimersByTimeAsync(60_000);

    const error = done.error as JobFailedError;
    expect(error).toBeInstanceOf(JobFailedError);
    expect(error.code).toBe("JOB_FAILED");
    expect(error.service).toBe("ecs");
    expect(error.errorCode).toBe("Ecs.0204");
    expect(error.failReason).toContain("CreateServerWithRootVolumeAndDataVolumeTask-fail");
    expect((error.job as { status: string }).status).toBe("FAIL");
    expect(error.failedSubJobs).toHaveLength(1);
    expect(error.failedSubJobs[0]?.errorCode).toBe("Ecs.0204");
    expect(error.failedSubJobs[0]?.errorcodeMessage).toMatchObject({ kind: "forbidden", code: 403, message: expect.stringContaining("Quota exceeded") });
    expect(error.message).toContain("Ecs.0204");
    expect(vi.getTimerCount()).toBe(0);
  });

  it.each(["PENDING_PAYMENT", "WAITING_EXECUTE", "LISTENING", "SOME_FUTURE_STATUS"])("keeps waiting through %s and reports it", async (status) => {
    const id = jobId(4);
    const sim = new JobSimulator().add({ jobId: id, beginAt: T0, phases: [{ status, forMs: 120_000 }], endMs: 130_000, outcome: "SUCCESS" });
    const statuses: string[] = [];
    const done = track(waitForJob(simulatedGetJob(sim), id, { onProgress: (p) => statuses.push(p.status) }));
    await vi.advanceTimersByTimeAsync(150_000);
    expect(done.value?.status).toBe("SUCCESS");
    expect(statuses[0]).toBe(status);
    expect(statuses.filter((s) => s === status).length).toBeGreaterThan(5);
  });

  it("ends with JobNotFoundError on 400 Common.0011, without retrying", async () => {
    const sim = new JobSimulator(); // knows no job
    const done = track(waitForJob(simulatedGetJob(sim), jobId(5), { service: "ecs" }));
    await vi.advanceTimersByTimeAsync(10_000);
    const error = done.error as JobNotFoundError;
    expect(error).toBeInstanceOf(JobNotFoundError);
    expect(error.apiCode).toBe("Common.0011");
    expect(error.message).toMatch(/unknown or has expired/);
    expect(error.cause).toBeInstanceOf(JobsApiError);
    expect(sim.calls).toHaveLength(1);
    expect(done.at).toBe(T0);
  });

  it("ends with the API error itself on a non-transient error such as 401", async () => {
    const id = jobId(6);
    const sim = new JobSimulator().add({ jobId: id, beginAt: T0, endMs: 60_000, outcome: "SUCCESS" }).failCall(2, unauthorized());
    const done = track(waitForJob(simulatedGetJob(sim), id));
    await vi.advanceTimersByTimeAsync(60_000);
    expect(done.error).toBeInstanceOf(JobsApiError);
    expect((done.error as JobsApiError).status).toBe(401);
    expect(sim.calls).toHaveLength(2);
  });

  it("rejects when onProgress throws, with that error", async () => {
    const id = jobId(7);
    const sim = new JobSimulator().add({ jobId: id, beginAt: T0, endMs: 60_000, outcome: "SUCCESS" });
    const bug = new Error("bug in the caller's hook");
    const done = track(waitForJob(simulatedGetJob(sim), id, { onProgress: () => { throw bug; } }));
    await vi.advanceTimersByTimeAsync(1);
    expect(done.error).toBe(bug);
    expect(vi.getTimerCount()).toBe(0);
  });

  it("rejects, rather than hang until the deadline, when a custom getJob resolves with something that is not a job", async () => {
    const error = await waitForJob(async () => undefined as never, jobId(10)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidArgumentError);
    expect((error as InvalidArgumentError).argument).toBe("getJob");
    expect(vi.getTimerCount()).toBe(0);
  });

  it.each([
    [{ timeoutMs: 0 }, "timeoutMs"],
    [{ timeoutMs: Number.NaN }, "timeoutMs"],
    [{ minDelayMs: 0 }, "minDelayMs"],
    [{ minDelayMs: 5_000, maxDelayMs: 1_000 }, "maxDelayMs"],
    [{ elapsedFraction: 2 }, "elapsedFraction"],
    [{ signal: {} as AbortSignal }, "signal"],
    [{ onProgress: "log" as never }, "onProgress"],
    [{ resumeFrom: { version: 1 } as never }, "resumeFrom"],
  ])("rejects %o with InvalidArgumentError before any request", async (options, argument) => {
    const getJob = vi.fn();
    const error = await waitForJob(getJob, jobId(8), options).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidArgumentError);
    expect((error as InvalidArgumentError).argument).toBe(argument);
    expect(getJob).not.toHaveBeenCalled();
  });

  it("rejects an empty job id and a getJob that is not a function", async () => {
    await expect(waitForJob(vi.fn(), "")).rejects.toMatchObject({ name: "InvalidArgumentError", argument: "jobId" });
    await expect(waitForJob(undefined as never, jobId(9))).rejects.toMatchObject({ name: "InvalidArgumentError", argument: "getJob" });
  });
});
