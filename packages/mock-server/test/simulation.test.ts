import { formatIssues, timeOfJobId, validateJob, type ServiceName } from "@cloud-jobs/fixtures";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startMockServer, type MockServer } from "../src/index.js";
import { getJob, manualClock, request } from "./http.js";

const clock = manualClock();
let mock: MockServer;
beforeAll(async () => {
  mock = await startMockServer({ now: clock.now });
});
afterAll(() => mock.close());

async function create(input: Record<string, unknown>) {
  const reply = await request(`${mock.url}/mock/jobs`, { method: "POST", body: JSON.stringify(input) });
  expect(reply.status, reply.text).toBe(201);
  return reply.json() as { job_id: string; sub_job_ids: string[]; finishes_at: string };
}

async function job(service: ServiceName, id: string) {
  const reply = await getJob(mock.url, id);
  expect(reply.status, reply.text).toBe(200);
  const body = reply.json();
  const result = validateJob(service, body);
  expect(result.valid, result.valid ? "" : formatIssues(result.errors)).toBe(true);
  return body;
}

describe("simulated jobs move by the server's clock", () => {
  it("go INIT → RUNNING with sub-jobs finishing one by one → SUCCESS, every answer valid (EVS: entities.sub_jobs, no total)", async () => {
    const { job_id, sub_job_ids } = await create({ service: "evs", job_type: "batchCreateVolume", sub_jobs: 3, duration_ms: 10_000 });
    const seen: string[] = [];
    for (let t = 0; t <= 10_000; t += 1_000) {
      const body = await job("evs", job_id);
      expect(body.entities).not.toHaveProperty("sub_jobs_total");
      const subs = (body.entities.sub_jobs ?? []).map((s: { status: string }) => s.status[0]).join("");
      seen.push(`${body.status[0]}${subs}`);
      clock.advance(1_000);
    }
    expect(seen).toEqual(["I", "RRRR", "RRRR", "RRRR", "RSRR", "RSRR", "RSSR", "RSSR", "RSSS", "RSSS", "SSSS"]);
    expect(sub_job_ids).toHaveLength(3);
  });

  it("with outcome FAIL lets the last sub-job fail and the parent fail after it, carrying its error (ECS: with sub_jobs_total)", async () => {
    const { job_id, sub_job_ids } = await create({ service: "ecs", job_type: "createServer", sub_jobs: 2, duration_ms: 3_000, outcome: "FAIL" });
    clock.advance(2_100);
    const running = await job("ecs", job_id);
    expect([running.status, running.entities.sub_jobs_total, running.entities.sub_jobs.map((s: { status: string }) => s.status)]).toEqual(["RUNNING", 2, ["SUCCESS", "FAIL"]]);
    expect(running.entities.sub_jobs[1].entities.errorcode_message).toMatch(/^\{"forbidden"/);
    clock.advance(1_000);
    const failed = await job("ecs", job_id);
    expect([failed.status, failed.error_code]).toEqual(["FAIL", "Ecs.0204"]);
    expect((await job("ecs", sub_job_ids[1]!)).status).toBe("FAIL");
  });

  it("put VBS sub-jobs at the top level and BMS ones in entities with a total", async () => {
    const vbs = await create({ service: "vbs", job_type: "bksRestoreBackup", sub_jobs: 1, duration_ms: 1_000 });
    const bms = await create({ service: "bms", sub_jobs: 2, duration_ms: 1_000 });
    clock.advance(500);
    const v = await job("vbs", vbs.job_id);
    expect([v.sub_jobs?.length, v.entities.sub_jobs]).toEqual([1, undefined]);
    const b = await job("bms", bms.job_id);
    expect([b.job_type, b.entities.sub_jobs_total]).toEqual(["baremetalBatchCreate", 2]);
  });

  it('send end_time "" until the end and ids that embed their begin_time', async () => {
    const { job_id, sub_job_ids } = await create({ service: "bms", job_type: "baremetalBatchOperate", sub_jobs: 1, duration_ms: 2_000 });
    clock.advance(1_000);
    const body = await job("bms", job_id);
    expect([body.end_time, body.entities.sub_jobs[0].end_time]).toEqual(["", ""]);
    expect(timeOfJobId(job_id)).toBe(Date.parse(body.begin_time));
    expect(timeOfJobId(sub_job_ids[0]!)).toBe(Date.parse(body.entities.sub_jobs[0].begin_time));
    clock.advance(1_000);
    const done = await job("bms", job_id);
    expect(Date.parse(done.end_time)).toBe(Date.parse(done.begin_time) + 2_000);
  });

  it("hide a sub-job until it starts: its id answers Common.0011 before", async () => {
    const { sub_job_ids } = await create({ service: "evs", job_type: "bulkDeleteVolume", sub_jobs: 1, duration_ms: 10_000 });
    expect((await getJob(mock.url, sub_job_ids[0]!)).status).toBe(400);
    clock.advance(1_000);
    expect((await job("evs", sub_job_ids[0]!)).job_type).toBe("deleteSingleVolume");
  });

  it("wait in initial_status first, and can omit error keys while running as a real ECS server does", async () => {
    const { job_id } = await create({ service: "ecs", job_type: "createServer", initial_status: "PENDING_PAYMENT", duration_ms: 1_000, omit_error_keys: true });
    expect((await job("ecs", job_id)).status).toBe("PENDING_PAYMENT");
    clock.advance(500);
    const running = await job("ecs", job_id);
    expect([running.status, "error_code" in running]).toEqual(["RUNNING", false]);
    clock.advance(500);
    expect(await job("ecs", job_id)).toMatchObject({ status: "SUCCESS", error_code: null });
  });

  it("are visible only to their project when created for one", async () => {
    const other = "0".repeat(32);
    const { job_id } = await create({ service: "evs", project_id: other });
    expect((await getJob(mock.url, job_id)).status).toBe(400);
    expect((await request(`${mock.url}/v1/${other}/jobs/${job_id}`, { headers: { "X-Auth-Token": "t" } })).status).toBe(200);
  });

  it("accept undocumented job types, which validate as the unknown member", async () => {
    const { job_id } = await create({ service: "ecs", job_type: "rebootServer", duration_ms: 0 });
    expect(validateJob("ecs", await job("ecs", job_id))).toEqual({ valid: true, schema: "EcsUnknownJob" });
  });

  it("are listed by GET /mock/jobs and forgotten by DELETE /mock/jobs", async () => {
    const { job_id } = await create({ service: "vbs" });
    expect((await request(`${mock.url}/mock/jobs`)).json().map((j: { job_id: string }) => j.job_id)).toContain(job_id);
    expect((await request(`${mock.url}/mock/jobs`, { method: "DELETE" })).status).toBe(204);
    expect((await getJob(mock.url, job_id)).status).toBe(400);
  });
});

describe("POST /mock/jobs refuses what it cannot simulate, saying why", () => {
  it.each([
    [{ service: "rds" }, "service"],
    [{ service: "evs", subjobs: 2 }, "subjobs: unknown field"],
    [{ service: "ecs", job_type: "createSingleServer", sub_jobs: 2 }, "have no sub-jobs"],
    [{ service: "ecs", job_type: "resizeServer", sub_jobs: 2 }, "no documented sub-job type"],
    [{ service: "evs", duration_ms: -1 }, "duration_ms"],
    [{ service: "evs", outcome: "DONE" }, "outcome"],
    [{ service: "vbs", initial_status: "PENDING_PAYMENT" }, "initial_status: must be a waiting status of vbs: INIT"],
    [{ service: "evs", job_type: "../x" }, "job_type"],
    [[1, 2], "body"],
  ])("%j → 400 MOCK.0002 mentioning %s", async (input, words) => {
    const reply = await request(`${mock.url}/mock/jobs`, { method: "POST", body: JSON.stringify(input) });
    expect([reply.status, reply.json().error.code]).toEqual([400, "MOCK.0002"]);
    expect(reply.json().error.message).toContain(words);
  });

  it("refuses a body that is not JSON (MOCK.0001) or too large (413)", async () => {
    expect((await request(`${mock.url}/mock/jobs`, { method: "POST", body: "{service:" })).json().error.code).toBe("MOCK.0001");
    expect((await request(`${mock.url}/mock/jobs`, { method: "POST", body: "x".repeat(70_000) })).status).toBe(413);
  });
});

it("creates the same jobs through createJob() as through POST /mock/jobs", async () => {
  const info = mock.createJob({ service: "evs", job_type: "createVolume", duration_ms: 0 });
  expect((await job("evs", info.job_id)).status).toBe("SUCCESS");
});
