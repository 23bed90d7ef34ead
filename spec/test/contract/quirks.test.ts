import { describe, expect, it } from "vitest";
import { openapi, validator } from "./ajv.js";

const job = (over: Record<string, unknown>) => ({ status: "RUNNING", entities: {}, job_id: "ff8080828d41e1b0019ca25ed0731a01", job_type: "createServer", begin_time: "2026-03-02T09:15:20.115Z", end_time: "", ...over });

describe("what real servers send", () => {
  it('accepts end_time "" or left out while running, and a date-time when done; rejects null, which no source sends', () => {
    for (const end_time of ["", undefined, "2026-03-02T09:16:20.115Z"]) expect(validator("EcsJob")(job({ end_time }))).toBe(true);
    expect(validator("EcsJob")(job({ end_time: null }))).toBe(false);
  });

  it("accepts error_code and fail_reason omitted, null, or strings", () => {
    expect(validator("EcsJob")(job({}))).toBe(true);
    expect(validator("EcsJob")(job({ error_code: null, fail_reason: null }))).toBe(true);
    expect(validator("EcsJob")(job({ status: "FAIL", error_code: "Ecs.0204", fail_reason: "x-fail: y" }))).toBe(true);
  });

  it("accepts a hyphenated UUID job id as well as 32 hex", () => {
    expect(validator("VbsJob")(job({ job_type: "bksCreateBackup", job_id: "70a599e0-31e7-49b7-b260-868f441e862b" }))).toBe(true);
  });

  it("accepts BMS sub_jobs as [], null or absent", () => {
    for (const entities of [{ sub_jobs_total: 0, sub_jobs: [] }, { sub_jobs_total: 0, sub_jobs: null }, {}]) {
      expect(validator("BmsJob")(job({ job_type: "baremetalBatchCreate", entities }))).toBe(true);
    }
  });

  it('accepts VBS backup_id "" and top-level sub_jobs', () => {
    const body = job({ job_type: "bksCreateBackup", entities: { backup_id: "", snapshot_id: "" }, sub_jobs: [job({ job_type: "bksCreateBackup" })] });
    expect(validator("VbsJob")(body)).toBe(true);
  });

  it("accepts errorcode_message holding embedded JSON in an ECS sub-job", () => {
    const sub = job({ job_type: "createSingleServer", status: "FAIL", entities: { errorcode_message: '{"forbidden": {"code": 403}}' } });
    expect(validator("EcsJob")(job({ status: "FAIL", entities: { sub_jobs_total: 1, sub_jobs: [sub] } }))).toBe(true);
  });

  it("validates Job when a body fits several services (anyOf, not oneOf)", () => {
    // An ECS createServer body is also a valid "unknown" BMS job: the host, not the body, tells the service.
    const body = openapi.components.examples.EcsJob_success.value;
    expect(validator("EcsJob")(body)).toBe(true);
    expect(validator("BmsJob")(body)).toBe(true);
    expect(validator("Job")(body)).toBe(true);
  });

  it("keeps the path parameters strict", () => {
    const params = openapi.components.parameters;
    expect(new RegExp(openapi.components.schemas.ProjectId.pattern).test("bbf1946d374b44a0a2a95533562ba954")).toBe(true);
    expect(new RegExp(openapi.components.schemas.ProjectId.pattern).test("../etc")).toBe(false);
    expect(params.JobIdParam.schema.$ref).toBe("#/components/schemas/JobId");
  });
});
