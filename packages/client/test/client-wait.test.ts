import { afterEach, beforeAll, describe, expect, expectTypeOf, it, vi } from "vitest";
import { JobFailedError, createJobsClient, type EvsJob, type VbsJob } from "../src/index.js";
import { EVS_RUNNING, JOB_ID, PROJECT_ID, json, loadClientChunks, scriptedFetch } from "./helpers.js";

beforeAll(loadClientChunks);
afterEach(() => {
  vi.useRealTimers();
});

const client = (fetch: ReturnType<typeof scriptedFetch>) =>
  createJobsClient({ service: "evs", projectId: PROJECT_ID, endpoint: "http://127.0.0.1:9", auth: { token: "t0ken" }, fetch });

describe("client.waitForJob", () => {
  it("polls through getJob until SUCCESS and resolves with the service's job type", async () => {
    vi.useFakeTimers();
    const fetch = scriptedFetch(() => json(EVS_RUNNING), () => json({ ...EVS_RUNNING, status: "SUCCESS", end_time: "2016-03-08T07:41:13.219Z" }));
    const wait = client(fetch).waitForJob(JOB_ID, { timeoutMs: 600_000 });
    expectTypeOf(wait).resolves.toEqualTypeOf<EvsJob>();
    await vi.runAllTimersAsync();
    await expect(wait).resolves.toMatchObject({ status: "SUCCESS" });
    expect(fetch.requests.map((r) => new URL(r.url).pathname)).toEqual([`/v1/${PROJECT_ID}/jobs/${JOB_ID}`, `/v1/${PROJECT_ID}/jobs/${JOB_ID}`]);
  });

  it("sends one request per poll: the client's own retries are off, the waiter retries", async () => {
    vi.useFakeTimers();
    const fetch = scriptedFetch(() => new Response("", { status: 503 }), () => json({ ...EVS_RUNNING, status: "SUCCESS" }));
    const onRetry = vi.fn();
    const wait = client(fetch).waitForJob(JOB_ID, { onRetry });
    await vi.runAllTimersAsync();
    await expect(wait).resolves.toMatchObject({ status: "SUCCESS" });
    expect(fetch.requests).toHaveLength(2);
    expect(onRetry).toHaveBeenCalledTimes(1);
    expect(onRetry.mock.calls[0]?.[0].error).toMatchObject({ name: "JobsApiError", code: "HTTP_503" });
  });

  it("rejects with JobFailedError carrying the job when it FAILs", async () => {
    const failed = { ...EVS_RUNNING, status: "FAIL", error_code: "EVS.2024", fail_reason: "volume error" };
    const error = await client(scriptedFetch(() => json(failed))).waitForJob(JOB_ID).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(JobFailedError);
    expect(error).toMatchObject({ job: failed });
  });

  it("has its state at once, while the engine loads, and the engine carries on from that state", async () => {
    const startedAt = "2026-03-01T08:00:00.000Z";
    vi.useFakeTimers({ now: Date.parse(startedAt) });
    const fetch = scriptedFetch(() => json(EVS_RUNNING), () => json({ ...EVS_RUNNING, status: "SUCCESS" }));
    const wait = client(fetch).waitForJob(JOB_ID, { timeoutMs: 600_000 });
    expect(fetch.requests).toHaveLength(0); // the engine is still loading
    expect(JSON.parse(JSON.stringify(wait))).toEqual({ version: 1, service: "evs", jobId: JOB_ID, startedAt, timeoutMs: 600_000, polls: 0, transientErrors: 0 });
    await vi.runAllTimersAsync();
    await expect(wait).resolves.toMatchObject({ status: "SUCCESS" });
    expect(wait.getState()).toMatchObject({ startedAt, timeoutMs: 600_000, polls: 2, lastStatus: "SUCCESS" });
  });

  it("names a bad option as the caller gave it", async () => {
    const wait = client(scriptedFetch(() => json(EVS_RUNNING))).waitForJob(JOB_ID, { timeoutMs: -1 });
    await expect(wait).rejects.toMatchObject({ name: "InvalidArgumentError", argument: "timeoutMs" });
    expect(() => wait.getState()).toThrow(/timeoutMs/);
  });

  it("rejects a bad job id without sending anything", async () => {
    const fetch = scriptedFetch(() => json(EVS_RUNNING));
    await expect(client(fetch).waitForJob("../etc")).rejects.toMatchObject({ name: "InvalidArgumentError", argument: "jobId" });
    expect(fetch.requests).toHaveLength(0);
  });

  it("is typed by service", () => {
    const vbs = createJobsClient({ service: "vbs", projectId: PROJECT_ID, region: "eu-de", auth: { token: "t0ken" } });
    expectTypeOf(vbs.waitForJob).returns.resolves.toEqualTypeOf<VbsJob>();
  });
});
