// Type behaviour, checked by `tsc --noEmit` (the typecheck script runs before vitest);
// the functions also run on real bodies so the narrowing is exercised at run time.
import { describe, expect, expectTypeOf, it } from "vitest";
import {
  KNOWN_JOB_TYPES,
  createJobsClient,
  isKnownJobType,
  type BmsJob,
  type BmsUnknownJob,
  type EcsJob,
  type EcsUnknownJob,
  type EvsJob,
  type EvsUnknownJob,
  type JobOfType,
  type KnownJobTypeOf,
  type VbsJob,
  type VbsUnknownJob,
} from "../api.js";

function evsVolumeId(job: EvsJob): string | undefined {
  if (isKnownJobType(job)) {
    if (job.job_type === "createVolume") {
      expectTypeOf(job.entities?.volume_id).toEqualTypeOf<string | undefined>();
      expectTypeOf(job.entities?.size).toEqualTypeOf<number | undefined>();
      return job.entities?.volume_id;
    }
    return undefined;
  }
  expectTypeOf(job).not.toBeAny();
  expectTypeOf(job).toEqualTypeOf<EvsUnknownJob>();
  expectTypeOf(job.job_type).toEqualTypeOf<string>();
  return undefined;
}

function evsHasNoServerId(job: EvsJob): void {
  // @ts-expect-error an EVS job has no server_id
  void job.entities?.server_id;
  if (isKnownJobType(job)) {
    // @ts-expect-error createServer is not an EVS job type
    void (job.job_type === "createServer");
  }
}

function ecsServerIds(job: EcsJob): (string | undefined)[] {
  if (!isKnownJobType(job)) {
    expectTypeOf(job).toEqualTypeOf<EcsUnknownJob>();
    return [];
  }
  if (job.job_type === "createServer") {
    expectTypeOf(job.entities?.sub_jobs_total).toEqualTypeOf<number | undefined>();
    expectTypeOf(job.entities?.sub_jobs).toEqualTypeOf<EcsJob[] | undefined>();
    return (job.entities?.sub_jobs ?? []).map((sub) => (isKnownJobType(sub) && sub.job_type === "createSingleServer" ? sub.entities?.server_id : undefined));
  }
  if (job.job_type === "createSingleServer") {
    expectTypeOf(job.entities?.errorcode_message).toEqualTypeOf<string | undefined>();
  }
  // @ts-expect-error createVolume is not an ECS job type
  void (job.job_type === "createVolume");
  return [];
}

function bmsSubJobCount(job: BmsJob): number | undefined {
  if (!isKnownJobType(job)) {
    expectTypeOf(job).toEqualTypeOf<BmsUnknownJob>();
    return undefined;
  }
  if (job.job_type === "baremetalBatchCreate") {
    expectTypeOf(job.entities?.sub_jobs_total).toEqualTypeOf<number | undefined>();
    return job.entities?.sub_jobs_total;
  }
  if (job.job_type === "baremetalSingleCreate") expectTypeOf(job.entities?.server_id).toEqualTypeOf<string | undefined>();
  return undefined;
}

function vbsBackupId(job: VbsJob): string | undefined {
  expectTypeOf(job.sub_jobs).toEqualTypeOf<VbsJob[] | null | undefined>();
  if (!isKnownJobType(job)) {
    expectTypeOf(job).toEqualTypeOf<VbsUnknownJob>();
    return undefined;
  }
  if (job.job_type === "bksCreateBackup") {
    expectTypeOf(job.entities?.backup_id).toEqualTypeOf<string | undefined>();
    return job.entities?.backup_id;
  }
  return undefined;
}

describe("narrowing on job_type", () => {
  it("reads volume_id of a createVolume job and keeps unknown EVS types typed", () => {
    const running = { status: "RUNNING", entities: { volume_id: "0b549095-4937-4849-8e4c-52aa027d64f7" }, job_id: "4010a32d535527910153552b492c0002", job_type: "createVolume", begin_time: "2016-03-08T07:40:13.219Z", end_time: "", error_code: null, fail_reason: null } satisfies EvsJob;
    expect(evsVolumeId(running)).toBe("0b549095-4937-4849-8e4c-52aa027d64f7");
    expect(evsVolumeId({ status: "RUNNING", job_id: "j", job_type: "snapshotVolume", entities: { volume_id: "x" } })).toBeUndefined();
    evsHasNoServerId(running);
  });

  it("reads ECS sub-job server ids", () => {
    const job: EcsJob = {
      status: "SUCCESS",
      job_id: "2c9eb2c5544cbf6101544f0602af2b4f",
      job_type: "createServer",
      entities: {
        sub_jobs_total: 1,
        sub_jobs: [{ status: "SUCCESS", job_id: "2c9eb2c5544cbf6101544f0635672b60", job_type: "createSingleServer", entities: { server_id: "bae51750-0089-41a1-9b18-5c777978ff6d" } }],
      },
    };
    expect(ecsServerIds(job)).toEqual(["bae51750-0089-41a1-9b18-5c777978ff6d"]);
  });

  it("reads BMS and VBS fields", () => {
    expect(bmsSubJobCount({ status: "RUNNING", job_id: "j", job_type: "baremetalBatchCreate", entities: { sub_jobs_total: 2 } })).toBe(2);
    expect(vbsBackupId({ status: "SUCCESS", job_id: "j", job_type: "bksCreateBackup", entities: { backup_id: "b-1" } })).toBe("b-1");
  });
});

describe("types that follow the service", () => {
  it("types getJob by service", () => {
    const options = { projectId: "0605768a6f80d5762f52c0150e726aa7", region: "eu-de", auth: { token: "t0ken" } } as const;
    expectTypeOf(createJobsClient({ ...options, service: "ecs" }).getJob).returns.resolves.toEqualTypeOf<EcsJob>();
    expectTypeOf(createJobsClient({ ...options, service: "bms" }).getJob).returns.resolves.toEqualTypeOf<BmsJob>();
    expectTypeOf(createJobsClient({ ...options, service: "evs" }).getJob).returns.resolves.toEqualTypeOf<EvsJob>();
    expectTypeOf(createJobsClient({ ...options, service: "vbs" }).getJob).returns.resolves.toEqualTypeOf<VbsJob>();
  });

  it("keeps the run-time job type lists equal to the generated unions", () => {
    expectTypeOf<(typeof KNOWN_JOB_TYPES)["ecs"][number]>().toEqualTypeOf<KnownJobTypeOf<"ecs">>();
    expectTypeOf<(typeof KNOWN_JOB_TYPES)["bms"][number]>().toEqualTypeOf<KnownJobTypeOf<"bms">>();
    expectTypeOf<(typeof KNOWN_JOB_TYPES)["evs"][number]>().toEqualTypeOf<KnownJobTypeOf<"evs">>();
    expectTypeOf<(typeof KNOWN_JOB_TYPES)["vbs"][number]>().toEqualTypeOf<KnownJobTypeOf<"vbs">>();
    expectTypeOf<JobOfType<"evs", "createVolume">["job_type"]>().toEqualTypeOf<"createVolume">();
    expect(KNOWN_JOB_TYPES.evs).toContain("createVolume");
  });
});
