import { describe, expect, it } from "vitest";
import { runCli, startCli, TOKEN_ENV as env, UNKNOWN_JOB_ID, useJobServer } from "./support/harness.js";

const server = useJobServer();
const { createJob: ecsJob, at } = server;

describe("cloud-jobs wait", () => {
  it("prints one plain line per change when stdout is not a terminal, then the job, and exits 0", async () => {
    const id = ecsJob();
    const run = await runCli(["wait", id, ...at(), "--timeout", "2m"], env);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(run.stdout).not.toMatch(/\u001B/);
    const progress = run.stdout.split("\n").filter((line) => /elapsed/.test(line));
    expect(progress[0]).toMatch(/^(INIT|RUNNING) {2}/);
    expect(progress.at(-1)).toMatch(/^SUCCESS {2}sub-jobs 3\/3 {2}elapsed/);
    expect(new Set(progress.map((line) => line.replace(/elapsed.*/, ""))).size).toBe(progress.length);
    expect(run.stdout).toMatch(/^status\s+SUCCESS$/m);
  });

  it("prints only the final job on stdout with --json, progress on stderr", async () => {
    const id = ecsJob({ service: "evs", job_type: "batchCreateVolume", sub_jobs: 2 });
    const run = await runCli(["wait", id, "--service", "evs", "--endpoint", server.url, "--json"], env);
    expect(run.code).toBe(0);
    const job = JSON.parse(run.stdout) as { job_id: string; status: string };
    expect(job).toMatchObject({ job_id: id, status: "SUCCESS" });
    expect(run.stderr).toMatch(/SUCCESS {2}sub-jobs 2\/2/);
  });

  it("exits 1 when the job fails, showing the failed sub-job's decoded error", async () => {
    const id = ecsJob({ duration_ms: 1_500, outcome: "FAIL" });
    const run = await runCli(["wait", id, ...at()], env);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(new RegExp(`^cloud-jobs: Job ${id} failed`));
    expect(run.stdout).toMatch(/^status\s+FAIL$/m);
    expect(run.stdout).toMatch(/FAIL\s+createSingleServer\s+\S+\s+Ecs\.0204: .*Quota exceeded for instances/);
  });

  it("keeps waiting through transient errors, saying it retries", async () => {
    const id = ecsJob({ duration_ms: 1_500 });
    server.addFault(id, "503;retry-after=1", 2);
    const run = await runCli(["wait", id, ...at()], env);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^retrying: HTTP 503 from ecs/m);
    expect(run.stdout).toMatch(/^SUCCESS {2}sub-jobs 3\/3/m);
  });

  it("exits 3 at --timeout with the last status seen", async () => {
    const id = ecsJob({ duration_ms: 600_000 });
    const run = await runCli(["wait", id, ...at(), "--timeout", "2s"], env);
    expect(run.code).toBe(3);
    expect(run.stderr).toMatch(new RegExp(`^cloud-jobs: gave up waiting for job ${id} after 2s`));
    expect(run.stderr).toMatch(/last seen: (INIT|RUNNING)/);
  });

  it("exits 4 for an unknown job without waiting for the timeout", async () => {
    const run = await runCli(["wait", UNKNOWN_JOB_ID, ...at(), "--timeout", "1h"], env);
    expect(run.code).toBe(4);
    expect(run.stderr).toMatch(new RegExp(`^cloud-jobs: Job ${UNKNOWN_JOB_ID} is unknown or has expired \\(Common\\.0011`));
    expect(run.stderr).toContain("hint: check the job id, --service and --project-id");
  });

  it.each([
    ["SIGINT", 130],
    ["SIGTERM", 143],
  ] as const)("exits cleanly on %s with %i and says the job keeps running", async (signal, code) => {
    const id = ecsJob({ duration_ms: 600_000 });
    const cli = startCli(["wait", id, ...at()], env);
    await cli.stdoutMatching(/elapsed/);
    cli.child.kill(signal);
    const run = await cli.done;
    expect(run.code).toBe(code);
    expect(run.stderr).toBe(`cloud-jobs: interrupted by ${signal}; the job keeps running on the server\n`);
  });
});
