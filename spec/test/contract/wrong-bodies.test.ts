import { describe, expect, it } from "vitest";
import { openapi, validator } from "./ajv.js";

const examples = openapi.components.examples as Record<string, { value: Record<string, unknown> }>;
const clone = <T>(v: T): T => structuredClone(v);
const ecs = () => clone(examples.EcsJob_success!.value) as Record<string, any>;
const evs = () => clone(examples.EvsJob_success!.value) as Record<string, any>;
const evsRunning = () => clone(examples.EvsJob_running!.value) as Record<string, any>;
const bms = () => clone(examples.BmsJob_success!.value) as Record<string, any>;
const vbs = () => clone(examples.VbsJob_success!.value) as Record<string, any>;
const omit = (o: Record<string, any>, k: string) => { delete o[k]; return o; };
const set = (o: Record<string, any>, path: string, v: unknown) => {
  const keys = path.split(".");
  let node: any = o;
  for (const k of keys.slice(0, -1)) node = node[k];
  node[keys.at(-1)!] = v;
  return o;
};

// Each case: [what is wrong, schema, body]. Every body must be rejected.
const cases: [string, string, unknown][] = [
  ["not an object", "EcsJob", "SUCCESS"],
  ["null", "Job", null],
  ["an array", "Job", [ecs()]],
  ["missing job_id", "EcsJob", omit(ecs(), "job_id")],
  ["missing status", "EvsJob", omit(evs(), "status")],
  ["missing job_type", "BmsJob", omit(bms(), "job_type")],
  ["job_id is a number", "EcsJob", set(ecs(), "job_id", 42)],
  ["job_id with a path in it", "EcsJob", set(ecs(), "job_id", "../2c9eb2c5544cbf6101544f0602af2b4f")],
  ["job_id too short", "VbsJob", set(vbs(), "job_id", "4010b39b")],
  ["job_id in upper case", "EcsJob", set(ecs(), "job_id", "2C9EB2C5544CBF6101544F0602AF2B4F")],
  // A status no source lists is accepted (UnlistedJobStatus: "not finished"; see unknown-job-types.test.ts), but it is a non-empty string.
  ["status a number", "EcsJob", set(ecs(), "status", 1)],
  ["status empty", "EvsJob", set(evs(), "status", "")],
  ["status null", "VbsJob", set(vbs(), "status", null)],
  ["entities not an object", "EcsJob", set(ecs(), "entities", "server")],
  ["entities an array", "EvsJob", set(evs(), "entities", [])],
  ["sub_jobs not a list", "EcsJob", set(ecs(), "entities.sub_jobs", { job_id: "x" })],
  ["sub_jobs_total negative", "BmsJob", set(bms(), "entities.sub_jobs_total", -1)],
  ["sub_jobs_total a string", "EcsJob", set(ecs(), "entities.sub_jobs_total", "1")],
  ["sub-job missing status", "EvsJob", (() => { const b = evs(); delete b.entities.sub_jobs[0].status; return b; })()],
  ["sub-job with an invalid status", "BmsJob", set(bms(), "entities.sub_jobs", [{ ...bms().entities.sub_jobs[0], status: false }])],
  ["EVS job with top-level sub_jobs", "EvsJob", { ...evs(), sub_jobs: [] }],
  ["end_time null (no source sends it)", "EcsJob", set(ecs(), "end_time", null)],
  ["begin_time not a date-time", "EvsJob", set(evs(), "begin_time", "yesterday")],
  ["end_time a number", "EcsJob", set(ecs(), "end_time", 1461614681593)],
  ["end_time a blank, not empty, string", "EvsJob", set(evsRunning(), "end_time", " ")],
  ["EVS size a string", "EvsJob", set(evsRunning(), "entities", { volume_id: "bdf1bb37-f20f-4266-9a04-f43e0a127376", size: "100" })],
  ["EVS volume_id not a UUID", "EvsJob", set(evsRunning(), "entities", { volume_id: 17 })],
  ["VBS entities value not a string", "VbsJob", set(vbs(), "entities.backup_id", 17)],
  ["VBS sub_jobs not a list", "VbsJob", set(vbs(), "sub_jobs", "none")],
  ["error_code a number", "BmsJob", set(bms(), "error_code", 3019)],
  ["fail_reason an object", "VbsJob", set(vbs(), "fail_reason", { why: "x" })],
  ["job_type empty", "EcsJob", set(ecs(), "job_type", "")],
  ["job_type a number", "EvsJob", set(evs(), "job_type", 7)],
  ["ECS server_id a number", "EcsJob", set(ecs(), "entities.sub_jobs", [{ ...ecs().entities.sub_jobs[0], entities: { server_id: 12 } }])],
  ["error body with no code", "ErrorResponse", { error: { message: "x" } }],
  ["error body: gateway without error_msg", "ErrorResponse", { error_code: "APIGW.0301" }],
  ["error body: a string", "ErrorResponse", "Bad Gateway"],
];

describe("bodies the contract must reject", () => {
  it("has at least twenty cases", () => expect(cases.length).toBeGreaterThanOrEqual(20));
  it.each(cases)("rejects %s (%s)", (_what, schema, body) => {
    expect(validator(schema)(body)).toBe(false);
  });
});
