import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { validateJob } from "@cloud-jobs/client/contract";
import { describe, expect, it } from "vitest";
import { PROJECT_ID, runCli, TOKEN, TOKEN_ENV as env, UNKNOWN_JOB_ID, useJobServer } from "./support/harness.js";

const server = useJobServer();
const check = (service: string, ...args: string[]) => runCli(["check", ...args, "--service", service, "--endpoint", server.url], env);
/** A job (done by the time it is asked for, sub-jobs listed) whose every answer drifts the given way (the mock's `drift=`). */
const drifting = (drift: string, spec: Parameters<typeof server.createJob>[0]) => {
  const id = server.createJob({ duration_ms: 50, ...spec });
  server.addFault(id, `drift=${drift}`, 1_000);
  return id;
};

describe("cloud-jobs check", () => {
  it("says a conforming job and each of its sub-jobs conforms, and exits 0", async () => {
    const id = server.createJob({ sub_jobs: 2, duration_ms: 50 });
    const run = await check("ecs", id);
    expect([run.code, run.stderr]).toEqual([0, ""]);
    const lines = run.stdout.trim().split("\n");
    expect(lines).toHaveLength(3);
    expect(lines[0]).toBe(`job ${id}: conforms`);
    expect(lines.slice(1).every((line) => /^ {2}sub-job [0-9a-f]{32}: conforms$/.test(line))).toBe(true);
  });

  it("exits 5 on drift, printing each violation's pointer, what the contract expects, what came and what it cites", async () => {
    const id = drifting("string", { sub_jobs: 1 });
    const run = await check("ecs", id);
    expect(run.code).toBe(5);
    expect(run.stdout).toContain(
      [`job ${id}: does not conform`, "  /entities/sub_jobs_total", "    expected: must be integer", '    found:    "1"', "    cites:    disagreement 16 (ECS entities fields): "].join("\n"),
    );
    expect(run.stdout).toMatch(/^ {2}sub-job [0-9a-f]{32}: conforms$/m); // asked for on its own, it does not drift
  });

  it("reports a numeric status, a renamed field and moved sub-jobs where the contract has them", async () => {
    const status = await check("evs", drifting("status", { service: "evs", job_type: "createVolume", sub_jobs: 0 }));
    expect([status.code, status.stdout]).toEqual([5, expect.stringMatching(/^ {2}\/status\n {4}expected: must be one of: EvsJobStatus, UnlistedJobStatus\n {4}found: {4}2\n {4}cites: {4}disagreement 9 \(statuses\)/m)]);
    const renamed = await check("evs", drifting("rename", { service: "evs", job_type: "createVolume", sub_jobs: 0 }));
    expect([renamed.code, renamed.stdout]).toEqual([5, expect.stringMatching(/^ {2}\/job_type\n {4}expected: is required\n {4}found: {4}nothing$/m)]);
    const moved = await check("vbs", drifting("sub-jobs", { service: "vbs", job_type: "bksRestoreBackup", sub_jobs: 1 }));
    expect([moved.code, moved.stdout]).toEqual([5, expect.stringMatching(/^ {2}\/entities\/sub_jobs\n {4}expected: must be string/m)]);
  });

  it("--json gives a report per body, sub-jobs marked with their job", async () => {
    const good = server.createJob({ sub_jobs: 1, duration_ms: 50 });
    const bad = drifting("status", { service: "ecs", sub_jobs: 0 });
    const run = await check("ecs", good, bad, "--json");
    expect(run.code).toBe(5);
    const report = JSON.parse(run.stdout) as Array<{ job_id: string; sub_job_of?: string; conforms: boolean; violations: Array<{ pointer: string; expected: string; found: string; cites: string[] }> }>;
    expect(report.map((r) => [r.job_id === good || r.job_id === bad ? r.job_id : "sub", r.sub_job_of, r.conforms])).toEqual([
      [good, undefined, true],
      ["sub", good, true],
      [bad, undefined, false],
    ]);
    expect(report[2]?.violations[0]).toMatchObject({ pointer: "/status", found: "2", cites: [expect.stringContaining("disagreement 9")] });
  });

  it("--record DIR saves each body with job and project ids replaced by placeholders that still validate, and no secret", async () => {
    const dir = mkdtempSync(join(tmpdir(), "cloud-jobs-record-"));
    const id = drifting("string", { sub_jobs: 2 });
    const run = await check("ecs", id, "--record", dir);
    expect(run.code).toBe(5);
    const files = readdirSync(dir).sort();
    expect(files).toEqual(["ecs-1.json", "ecs-2.json", "ecs-3.json"]);
    const texts = files.map((file) => readFileSync(join(dir, file), "utf8"));
    for (const text of texts) expect(text).not.toMatch(new RegExp(`${id.slice(0, 20)}|${PROJECT_ID}|${TOKEN}`));
    const job = JSON.parse(texts[0]!) as { job_id: string; entities: { sub_jobs_total: unknown; sub_jobs: Array<{ job_id: string }> } };
    expect([job.job_id, job.entities.sub_jobs.map((sub) => sub.job_id)]).toEqual([
      "00000000000000000000000000000003",
      ["00000000000000000000000000000001", "00000000000000000000000000000002"],
    ]);
    // The drift is kept, the placeholders are not what breaks the contract.
    expect(validateJob("ecs", job)).toMatchObject({ valid: false, errors: [{ pointer: "/entities/sub_jobs_total" }] });
    expect(validateJob("ecs", { ...job, entities: { ...job.entities, sub_jobs_total: 2 } }).valid).toBe(true);
  });

  it("exits 4 with the API's error for a job the service does not know, 2 without a job id", async () => {
    const unknown = await check("ecs", UNKNOWN_JOB_ID);
    expect(unknown.code).toBe(4);
    expect(unknown.stdout).toMatch(new RegExp(`^job ${UNKNOWN_JOB_ID}: .*Common.0011`));
    expect((await check("ecs")).code).toBe(2);
  });
});
