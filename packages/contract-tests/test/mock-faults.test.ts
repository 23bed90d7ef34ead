import { createJobsClient, JobsApiError, type RetryEvent } from "@cloud-jobs/client";
import { getFixture } from "@cloud-jobs/fixtures";
import { startMockServer, type MockServer } from "@cloud-jobs/mock-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fetchWith, PROJECT_ID } from "./support/contract.js";

const JOB = getFixture("evs", "batchCreateVolume-running");
let mock: MockServer;
beforeAll(async () => {
  mock = await startMockServer({ service: "evs" });
});
afterAll(() => mock.close());

const client = (fault?: string, onRetry?: (e: RetryEvent) => void) =>
  createJobsClient({
    service: "evs",
    projectId: PROJECT_ID,
    endpoint: mock.url,
    auth: { token: "contract-token" },
    ...(fault ? { fetch: fetchWith({ "X-Mock-Fault": fault }) } : {}),
    // No backoff sleeping: the mock's faults, not the delays, are under test.
    retry: { baseDelayMs: 0, ...(onRetry ? { onRetry } : {}) },
  });
const failure = (promise: Promise<unknown>) => promise.then(() => undefined, (e: unknown) => e as JobsApiError);

describe("the client reads the mock's faults as it would the real network's", () => {
  it("a truncated JSON body is INVALID_RESPONSE, not a job", async () => {
    const error = await failure(client("truncate").getJob(JOB.jobId));
    expect([error instanceof JobsApiError, error?.code, error?.status]).toEqual([true, "INVALID_RESPONSE", 200]);
  });

  it("a connection reset is a retryable NETWORK_ERROR, tried three times", async () => {
    const events: RetryEvent[] = [];
    const error = await failure(client("reset", (e) => events.push(e)).getJob(JOB.jobId));
    expect([error?.code, error?.retryable, events.length]).toEqual(["NETWORK_ERROR", true, 2]);
  });

  it("a gateway's HTML 502 is HTTP_502 with the page's title, retryable", async () => {
    const error = await failure(client("502").getJob(JOB.jobId, { retry: false }));
    expect([error?.code, error?.retryable]).toEqual(["HTTP_502", true]);
    expect(error?.message).toContain("502 Bad Gateway");
  });

  it("429 with Retry-After is retried after exactly the delay asked for", async () => {
    mock.addFault({ fault: "429;retry-after=1", times: 1, job_id: JOB.jobId });
    const events: RetryEvent[] = [];
    expect(await client(undefined, (e) => events.push(e)).getJob(JOB.jobId)).toEqual(JOB.body);
    expect(events.map((e) => [e.error.code, e.delayMs])).toEqual([["APIGW.0308", 1000]]);
  });

  it("transient 503s are retried until the job comes back", async () => {
    mock.addFault({ fault: "503", times: 2, job_id: JOB.jobId });
    const events: RetryEvent[] = [];
    expect(await client(undefined, (e) => events.push(e)).getJob(JOB.jobId)).toEqual(JOB.body);
    expect(events.map((e) => e.error.code)).toEqual(["EVS.5503", "EVS.5503"]);
  });

  it("a slow answer past the client's deadline is TIMEOUT", async () => {
    const error = await failure(client("delay=5000").getJob(JOB.jobId, { timeoutMs: 200, retry: false }));
    expect(error?.code).toBe("TIMEOUT");
  });
});
