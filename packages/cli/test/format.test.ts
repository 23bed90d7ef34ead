import { describe, expect, it } from "vitest";
import { UsageError } from "../src/errors.js";
import { formatDuration, formatJob, parseDuration } from "../src/format.js";

const failedEcsJob = {
  status: "FAIL",
  entities: {
    sub_jobs_total: 2,
    sub_jobs: [
      {
        status: "SUCCESS",
        entities: { server_id: "0e5bb9fd-4f5e-4b43-b6a1-2f0c32b1e7a1" },
        job_id: "ff80808288d41e1b018990260955686b",
        job_type: "createSingleServer",
        begin_time: "2019-04-25T20:04:47.591Z",
        end_time: "2019-04-25T20:05:30.000Z",
        error_code: null,
        fail_reason: null,
      },
      {
        status: "FAIL",
        entities: {
          errorcode_message:
            '{"forbidden": {"code": 403, "message": "Quota exceeded for instances: Requested 1, but already used 200 of 200 instances"}}',
        },
        job_id: "ff80808288d41e1b018990260955686c",
        job_type: "createSingleServer",
        begin_time: "2019-04-25T20:04:47.591Z",
        end_time: "2019-04-25T20:05:51.000Z",
        error_code: "Ecs.0204",
        fail_reason: "CreateServerWithRootVolumeAndDataVolumeTask-fail: quota",
      },
    ],
  },
  job_id: "ff80808288d41e1b018990260955686a",
  job_type: "createServer",
  begin_time: "2019-04-25T20:04:47.591Z",
  end_time: "2019-04-25T20:05:51.591Z",
  error_code: "Ecs.0204",
  fail_reason: "1 of 2 servers could not be created",
};

describe("formatJob", () => {
  it("shows id, service, type, status and the failure of a failed job", () => {
    const text = formatJob(failedEcsJob, "ecs");
    expect(text).toMatch(/^job\s+ff80808288d41e1b018990260955686a$/m);
    expect(text).toMatch(/^service\s+ecs$/m);
    expect(text).toMatch(/^type\s+createServer$/m);
    expect(text).toMatch(/^status\s+FAIL$/m);
    expect(text).toMatch(/^error\s+Ecs\.0204: 1 of 2 servers could not be created$/m);
  });

  it("shows both times and the duration of a finished job", () => {
    const text = formatJob(failedEcsJob, "ecs");
    expect(text).toMatch(/^begin\s+2019-04-25T20:04:47\.591Z$/m);
    expect(text).toMatch(/^end\s+2019-04-25T20:05:51\.591Z \(took 1m 04s\)$/m);
  });

  it("decodes the Nova error embedded in a failed sub-job's errorcode_message", () => {
    const text = formatJob(failedEcsJob, "ecs");
    expect(text).toMatch(/^sub-jobs\s+1\/2 succeeded, 1 failed$/m);
    const failedLine = text.split("\n").find((line) => line.includes("ff80808288d41e1b018990260955686c"));
    expect(failedLine).toContain("FAIL");
    expect(failedLine).toContain("Ecs.0204: CreateServerWithRootVolumeAndDataVolumeTask-fail: quota");
    expect(failedLine).toContain("Quota exceeded for instances: Requested 1, but already used 200 of 200 instances (forbidden 403)");
    expect(failedLine).not.toContain("{");
  });

  it("shows the embedded message once when fail_reason already repeats it", () => {
    const sub = failedEcsJob.entities.sub_jobs[1]!;
    const repeating = {
      ...failedEcsJob,
      entities: { sub_jobs: [{ ...sub, fail_reason: "CreateServerTask-fail: Quota exceeded for instances: Requested 1, but already used 200 of 200 instances" }] },
    };
    const line = formatJob(repeating, "ecs").split("\n").at(-1) ?? "";
    expect(line.match(/Quota exceeded/g)).toHaveLength(1);
    expect(line).toMatch(/200 instances \(forbidden 403\)$/);
  });

  it("marks a job type no document lists", () => {
    expect(formatJob({ ...failedEcsJob, job_type: "deleteServer" }, "ecs")).toMatch(/^type\s+deleteServer \(not a documented ecs job type\)$/m);
    expect(formatJob(failedEcsJob, "ecs")).toMatch(/^type\s+createServer$/m);
  });

  it("lists a succeeded sub-job with its entities", () => {
    const line = formatJob(failedEcsJob, "ecs")
      .split("\n")
      .find((l) => l.includes("ff80808288d41e1b018990260955686b"));
    expect(line).toMatch(/SUCCESS\s+createSingleServer\s+ff80808288d41e1b018990260955686b\s+server_id=0e5bb9fd/);
  });

  it("marks a running job as not finished and counts announced sub-jobs not listed yet", () => {
    const running = {
      status: "RUNNING",
      job_id: "4010a32c8b8ad3e6018b8b9d6ce30123",
      job_type: "createServer",
      begin_time: "2024-01-01T10:00:00.000Z",
      end_time: "",
      entities: { server_id: "abc", sub_jobs_total: 3, sub_jobs: [] },
    };
    const text = formatJob(running, "ecs");
    expect(text).toMatch(/^end\s+- \(not finished\)$/m);
    expect(text).toMatch(/^entities\s+server_id\s+abc$/m);
    expect(text).toMatch(/^sub-jobs\s+0\/3 succeeded, 3 not finished$/m);
    expect(text).not.toMatch(/^error/m);
  });

  it("reads VBS sub-jobs from the top level and prints non-string entities as JSON", () => {
    const vbs = {
      status: "SUCCESS",
      job_id: "4010a32c8b8ad3e6018b8b9d6ce30124",
      job_type: "bksCreateBackup",
      begin_time: "2024-01-01T10:00:00.000Z",
      end_time: "2024-01-01T10:00:09.000Z",
      entities: { backup_id: "b1", size: 40, tags: { a: "b" } },
      sub_jobs: [{ status: "SUCCESS", job_id: "s1", job_type: "bksBackupVolume", entities: {} }],
    };
    const text = formatJob(vbs, "vbs");
    expect(text).toMatch(/^\s+size\s+40$/m);
    expect(text).toMatch(/^\s+tags\s+\{"a":"b"\}$/m);
    expect(text).toMatch(/^sub-jobs\s+1\/1 succeeded$/m);
    expect(text).toMatch(/^\s+SUCCESS\s+bksBackupVolume\s+s1$/m);
  });
});

describe("parseDuration", () => {
  it.each([
    ["90s", 90_000],
    ["30m", 1_800_000],
    ["2h", 7_200_000],
    ["1h30m", 5_400_000],
    ["1.5h", 5_400_000],
    [" 10S ", 10_000],
  ])("reads %s as %i ms", (text, ms) => {
    expect(parseDuration(text)).toBe(ms);
  });

  it.each(["", "30", "m", "30 m", "30d", "-5m", "0s", "1h-30m", "5m extra"])("refuses %j with a usage error", (text) => {
    expect(() => parseDuration(text)).toThrow(UsageError);
  });

  it("names the option and suggests units when it refuses a value", () => {
    const error = (() => {
      try {
        parseDuration("30", "--timeout");
      } catch (e) {
        return e as UsageError;
      }
    })();
    expect(error?.option).toBe("--timeout");
    expect(error?.message).toContain('"30"');
    expect(error?.hint).toMatch(/30m/);
  });
});

describe("formatDuration", () => {
  it.each([
    [850, "850ms"],
    [12_400, "12s"],
    [62_000, "1m 02s"],
    [1_800_000, "30m"],
    [3_900_000, "1h 05m"],
    [7_200_000, "2h"],
    [-1, "?"],
  ])("formats %i ms as %s", (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });
});
