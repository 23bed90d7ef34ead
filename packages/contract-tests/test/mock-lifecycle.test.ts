import { createJobsClient, JobFailedError, JobNotFoundError, WaitTimeoutError, type EvsJob, type JobStatus } from "@cloud-jobs/client";
import { validateJob, type ServiceName } from "@cloud-jobs/fixtures";
import { startMockServer, type MockServer } from "@cloud-jobs/mock-server";
import { afterAll, beforeAll, describe, expect, expectTypeOf, it } from "vitest";
import { fetchWith, KEYS, manualClock, PROJECT_ID } from "./support/contract.js";

// Every request moves the mock's clock by one second: jobs progress with each poll and no test sleeps.
const clock = manualClock();
let mock: MockServer;
beforeAll(async () => {
  mock = await startMockServer({ now: clock.now, ...KEYS });
});
afterAll(() => mock.close());

const client = <S extends ServiceName>(service: S) =>
  createJobsClient({ service, projectId: PROJECT_ID, endpoint: mock.url, auth: KEYS, fetch: fetchWith({}, () => clock.advance(1_000)), retry: false });
// Poll as fast as the waiter allows: the mock's clock, not the real one, makes the job progress.
const fast = { minDelayMs: 1, maxDelayMs: 1 } as const;

describe.each([
  ["ecs", "createServer", 2],
  ["bms", "baremetalBatchOperate", 2],
  ["evs", "bulkDeleteVolume", 3],
  ["vbs", "bksRestoreBackup", 1],
] as const)("a simulated %s %s job with %i sub-jobs", (service, jobType, subJobs) => {
  it("is read by getJob at every step, each answer valid for the service, until SUCCESS", async () => {
    const { job_id } = mock.createJob({ service, job_type: jobType, sub_jobs: subJobs, duration_ms: 20_000 });
    const statuses: string[] = [];
    for (let step = 0; step < 25 && statuses.at(-1) !== "SUCCESS"; step++) {
      const job = await client(service).getJob(job_id);
      expect(validateJob(service, job).valid).toBe(true);
      statuses.push(job.status);
    }
    expect(statuses[0]).toBe("INIT");
    expect(statuses).toContain("RUNNING");
    expect(statuses.at(-1)).toBe("SUCCESS");
  });

  it("is waited for by waitForJob, which reports sub-jobs finishing one by one", async () => {
    const { job_id } = mock.createJob({ service, job_type: jobType, sub_jobs: subJobs, duration_ms: 20_000 });
    const succeeded: number[] = [];
    const job = await client(service).waitForJob(job_id, { ...fast, onProgress: (p) => succeeded.push(p.subJobs.succeeded) });
    expect([job.job_id, job.status]).toEqual([job_id, "SUCCESS"]);
    expect(succeeded.at(-1)).toBe(subJobs);
    expect(succeeded).toEqual([...succeeded].sort((a, b) => a - b));
  });
});

describe("waitForJob against the mock", () => {
  it("rejects a failed ECS job with JobFailedError: the error code and the failed sub-job's decoded errorcode_message", async () => {
    const { job_id } = mock.createJob({ service: "ecs", job_type: "createServer", sub_jobs: 2, duration_ms: 10_000, outcome: "FAIL" });
    const error = await client("ecs").waitForJob(job_id, fast).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(JobFailedError);
    const failed = error as JobFailedError;
    expect([failed.errorCode, failed.failedSubJobs.length]).toEqual(["Ecs.0204", 1]);
    expect(failed.failedSubJobs[0]?.errorcodeMessage?.message).toContain("Quota exceeded");
  });

  it("waits through Huawei Cloud's waiting statuses (EVS WAITING_EXECUTE)", async () => {
    const { job_id } = mock.createJob({ service: "evs", job_type: "extendVolume", duration_ms: 30_000, initial_status: "WAITING_EXECUTE" });
    const seen = new Set<string>();
    await client("evs").waitForJob(job_id, { ...fast, onProgress: (p) => seen.add(p.status) });
    expect([...seen]).toEqual(["WAITING_EXECUTE", "RUNNING", "SUCCESS"]);
  });

  it("rejects an unknown job with JobNotFoundError (400 common.0011 on VBS)", async () => {
    await expect(client("vbs").waitForJob("0123456789abcdef0123456789abcdef", fast)).rejects.toBeInstanceOf(JobNotFoundError);
  });

  it("retries transient faults the mock injects and still ends in SUCCESS", async () => {
    const { job_id } = mock.createJob({ service: "bms", duration_ms: 5_000 });
    mock.addFault({ fault: "503", times: 1, job_id });
    mock.addFault({ fault: "502", times: 1, job_id });
    const retried: number[] = [];
    const job = await client("bms").waitForJob(job_id, { ...fast, onRetry: (r) => retried.push(r.consecutiveErrors) });
    expect(job.status).toBe("SUCCESS");
    expect(retried).toEqual([1, 2]);
  });

  it("gives up at the deadline with WaitTimeoutError carrying the last job seen", async () => {
    const { job_id } = mock.createJob({ service: "evs", duration_ms: 86_400_000 });
    const error = await client("evs").waitForJob(job_id, { ...fast, timeoutMs: 200 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WaitTimeoutError);
    expect((error as WaitTimeoutError).lastJob).toMatchObject({ job_id, status: "INIT" });
  });

  it("types the job by service", async () => {
    const { job_id } = mock.createJob({ service: "evs", duration_ms: 0 });
    const job = await client("evs").getJob(job_id);
    expectTypeOf(job).toEqualTypeOf<EvsJob>();
    expectTypeOf(job.status).toEqualTypeOf<Extract<JobStatus, EvsJob["status"]>>();
    expect(job.status).toBe("SUCCESS");
  });
});
