import { startMockServer } from "@cloud-jobs/mock-server";
import { describe, expect, it } from "vitest";
import { runCli, TOKEN_ENV as env, UNKNOWN_JOB_ID, useJobServer } from "./support/harness.js";

const server = useJobServer();
const { createJob: ecsJob, at } = server;

describe("cloud-jobs get", () => {
  it("prints a human summary of a job and exits 0", async () => {
    // A simulated job lists its sub-jobs once it runs, after the first tenth of its life (here 1 s of 10 s).
    const id = ecsJob({ duration_ms: 10_000 });
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    const run = await runCli(["get", id, ...at()], env);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(new RegExp(`^job\\s+${id}$`, "m"));
    expect(run.stdout).toMatch(/^type\s+createServer$/m);
    expect(run.stdout).toMatch(/^status\s+RUNNING$/m);
    expect(run.stdout).toMatch(/^sub-jobs\s+\d\/3 succeeded/m);
  });

  it("prints the body as JSON with --json", async () => {
    const id = ecsJob();
    const run = await runCli(["get", id, ...at(), "--json"], env);
    expect(run.code).toBe(0);
    const job = JSON.parse(run.stdout) as { job_id: string; status: string; job_type: string };
    expect(job.job_id).toBe(id);
    expect(["INIT", "RUNNING"]).toContain(job.status);
    expect(job.job_type).toBe("createServer");
  });

  it("exits 1 for a job in FAIL and still prints it", async () => {
    const id = ecsJob({ duration_ms: 1, outcome: "FAIL" });
    const run = await runCli(["get", id, ...at(), "--json"], env);
    expect(run.code).toBe(1);
    expect((JSON.parse(run.stdout) as { status: string }).status).toBe("FAIL");
  });

  it("exits 4 for an unknown job with the code, request id and a hint on stderr", async () => {
    const run = await runCli(["get", UNKNOWN_JOB_ID, ...at()], env);
    expect(run.code).toBe(4);
    expect(run.stdout).toBe("");
    expect(run.stderr).toMatch(/^cloud-jobs: HTTP 400 from ecs \(Common\.0011\)/);
    expect(run.stderr).toMatch(/request id: \S+/);
    expect(run.stderr).toContain("hint: unknown or expired job");
  });

  it("exits 4 when nothing listens at the endpoint", async () => {
    const closed = await startMockServer();
    await closed.close();
    const run = await runCli(["get", UNKNOWN_JOB_ID, "--service", "ecs", "--endpoint", closed.url], env);
    expect(run.code).toBe(4);
    expect(run.stderr).toContain("NETWORK_ERROR");
    expect(run.stderr).toContain(`could not reach the service (${closed.url})`);
  });
});
