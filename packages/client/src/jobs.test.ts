import { describe, expect, it } from "vitest";
import {
  decodeErrorcodeMessage,
  isFailed,
  isFinished,
  isKnownJobType,
  isSucceeded,
  jobTimes,
  parseJobTime,
  summarizeSubJobs,
} from "./jobs.js";
import { rememberService } from "./jobs.js";
import type { EcsJob, EvsJob, Job } from "./jobs.js";

const sub = (status: string) => ({ job_id: `s-${status}`, job_type: "createSingleServer", status });

describe("isFinished / isSucceeded / isFailed", () => {
  it("treats only SUCCESS and FAIL as final", () => {
    for (const status of ["INIT", "RUNNING", "PENDING_PAYMENT", "WAITING_EXECUTE", "LISTENING", "SOMETHING_NEW"]) {
      expect(isFinished({ status })).toBe(false);
    }
    expect([isFinished({ status: "SUCCESS" }), isSucceeded({ status: "SUCCESS" }), isFailed({ status: "SUCCESS" })]).toEqual([true, true, false]);
    expect([isFinished({ status: "FAIL" }), isSucceeded({ status: "FAIL" }), isFailed({ status: "FAIL" })]).toEqual([true, false, true]);
  });
});

describe("summarizeSubJobs", () => {
  it("counts ECS/BMS/EVS sub-jobs inside entities", () => {
    const job = { job_id: "p", job_type: "createServer", status: "RUNNING", entities: { sub_jobs: [sub("SUCCESS"), sub("FAIL"), sub("RUNNING"), sub("INIT")] } };
    expect(summarizeSubJobs(job)).toEqual({ total: 4, succeeded: 1, failed: 1, running: 2 });
  });

  it("counts VBS sub-jobs at the top level", () => {
    const job = { job_id: "p", job_type: "bksCreateBackup", status: "RUNNING", entities: {}, sub_jobs: [sub("SUCCESS"), sub("SUCCESS")] };
    expect(summarizeSubJobs(job)).toEqual({ total: 2, succeeded: 2, failed: 0, running: 0 });
  });

  it("uses sub_jobs_total when sub-jobs are announced but not listed yet", () => {
    const job = { job_id: "p", job_type: "createServer", status: "INIT", entities: { sub_jobs_total: 3, sub_jobs: [sub("RUNNING")] } };
    expect(summarizeSubJobs(job)).toEqual({ total: 3, succeeded: 0, failed: 0, running: 3 });
  });

  it("gives zeros for no, null or malformed sub-job lists", () => {
    const zero = { total: 0, succeeded: 0, failed: 0, running: 0 };
    expect(summarizeSubJobs({ job_id: "p", job_type: "x", status: "SUCCESS" })).toEqual(zero);
    expect(summarizeSubJobs({ sub_jobs: null, entities: { sub_jobs_total: "3" } })).toEqual(zero);
    expect(summarizeSubJobs({ entities: { sub_jobs: [1, "x", null, { status: 5 }] } })).toEqual(zero);
  });
});

describe("parseJobTime / jobTimes", () => {
  it('reads ISO times as Date and "", null, absent or garbage as undefined', () => {
    expect(parseJobTime("2016-04-25T20:04:34.604Z")?.toISOString()).toBe("2016-04-25T20:04:34.604Z");
    for (const value of ["", "  ", null, undefined, "yesterday", 42]) expect(parseJobTime(value)).toBeUndefined();
    expect(jobTimes({ begin_time: "2016-03-08T07:40:13.219Z", end_time: "" })).toEqual({
      beginTime: new Date("2016-03-08T07:40:13.219Z"),
      endTime: undefined,
    });
  });
});

describe("decodeErrorcodeMessage", () => {
  it("decodes an embedded Nova error", () => {
    const raw = '{"forbidden": {"code": 403, "message": "Quota exceeded for instances: Requested 1, but already used 200 of 200 instances"}}';
    expect(decodeErrorcodeMessage(raw)).toMatchObject({
      raw,
      kind: "forbidden",
      code: 403,
      message: "Quota exceeded for instances: Requested 1, but already used 200 of 200 instances",
    });
  });

  it("keeps plain text as the message and ignores empty values", () => {
    expect(decodeErrorcodeMessage("disk busy")).toEqual({ raw: "disk busy", message: "disk busy" });
    expect(decodeErrorcodeMessage('"quoted"')).toMatchObject({ message: '"quoted"', json: "quoted" });
    expect(decodeErrorcodeMessage("")).toBeUndefined();
    expect(decodeErrorcodeMessage(null)).toBeUndefined();
  });
});

describe("isKnownJobType", () => {
  it("checks the job type against the service the job was fetched from", () => {
    const job = { job_id: "j", job_type: "createVolume", status: "RUNNING" } as Job;
    rememberService(job, "ecs");
    expect(isKnownJobType(job)).toBe(false); // createVolume is an EVS type, not an ECS one
    const evs = { job_id: "j", job_type: "createVolume", status: "RUNNING" } as EvsJob;
    rememberService(evs, "evs");
    expect(isKnownJobType(evs)).toBe(true);
  });

  it("covers sub-jobs of a remembered job", () => {
    const subJob = { job_id: "s", job_type: "createSingleServer", status: "SUCCESS" };
    const job = { job_id: "p", job_type: "createServer", status: "SUCCESS", entities: { sub_jobs: [subJob] } } as EcsJob;
    rememberService(job, "ecs");
    expect(isKnownJobType(subJob as EcsJob)).toBe(true);
    expect(isKnownJobType({ ...subJob, job_type: "createVolume" } as EcsJob, "ecs")).toBe(false);
  });

  it("falls back to the explicit service, then to every service's list", () => {
    const job = { job_id: "j", job_type: "bksCreateBackup", status: "INIT" } as Job;
    expect(isKnownJobType(job, "evs")).toBe(false);
    expect(isKnownJobType(job)).toBe(true);
    expect(isKnownJobType({ ...job, job_type: "brandNewType" } as Job)).toBe(false);
  });
});
