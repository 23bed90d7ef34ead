import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { describe, expect, it } from "vitest";
import { countingProxy, runCli, runInPty, startCli, TOKEN, TOKEN_ENV as env, UNKNOWN_JOB_ID, useJobServer } from "./support/harness.js";

const server = useJobServer();
const { createJob: ecsJob, at } = server;
const tmp = () => mkdtempSync(join(tmpdir(), "cloud-jobs-wait-"));
type StateFile = { version: 1; waits: Record<string, { jobId: string; polls: number; lastStatus?: string; startedAt: string }> };
const readState = (path: string) => JSON.parse(readFileSync(path, "utf8")) as StateFile;

describe("cloud-jobs wait <job-id>…", () => {
  it("waits for all through one watcher: a plain line per change led by the job id, a summary, the worst exit code", async () => {
    const [ok, failed] = [ecsJob({ duration_ms: 1_500, sub_jobs: 1 }), ecsJob({ duration_ms: 1_000, sub_jobs: 1, outcome: "FAIL" })];
    const run = await runCli(["wait", ok, failed, ...at()], env);
    expect(run.code).toBe(1); // failed over success
    expect(run.stdout).toMatch(new RegExp(`^${ok} {2}SUCCESS {2}sub-jobs 1/1 {2}elapsed`, "m"));
    expect(run.stdout).toMatch(new RegExp(`^${failed} {2}FAIL {2}sub-jobs 1/1, 1 failed {2}elapsed`, "m"));
    const summary = run.stdout.trim().split("\n").slice(-2);
    expect(summary).toEqual([`${ok}  SUCCESS`, expect.stringMatching(new RegExp(`^${failed} {2}Job ${failed} failed: Ecs\\.0204`))]);
    // An API error is worse than a failed job.
    expect((await runCli(["wait", ecsJob({ duration_ms: 500 }), UNKNOWN_JOB_ID, ...at()], env)).code).toBe(4);
  });

  it("reads ids from stdin with -, and --json prints one array at the end with each job and its exit code", async () => {
    const ids = [ecsJob({ duration_ms: 500, sub_jobs: 0 }), ecsJob({ duration_ms: 800, sub_jobs: 0 })];
    const run = await runCli(["wait", "-", ...at(), "--json"], env, undefined, `${ids.join("\n")}\n`);
    expect(run.code).toBe(0);
    const rows = JSON.parse(run.stdout) as Array<{ job_id: string; exit_code: number; job: { status: string } }>;
    expect(rows.map((row) => [row.job_id, row.exit_code, row.job.status])).toEqual(ids.map((id) => [id, 0, "SUCCESS"]));
    expect(run.stderr).toMatch(/SUCCESS/);
  });

  it("keeps all the waits together under --max-rps, as the server counts requests", async () => {
    const proxy = await countingProxy(server.url);
    try {
      const ids = Array.from({ length: 20 }, () => ecsJob({ duration_ms: 600_000, sub_jobs: 0 }));
      const started = Date.now();
      const run = await runCli(["wait", ...ids, "--service", "ecs", "--endpoint", proxy.url, "--max-rps", "4", "--timeout", "3s"], env);
      const seconds = (Date.now() - started) / 1000;
      expect(run.code).toBe(3);
      expect(proxy.total()).toBeGreaterThanOrEqual(8);
      expect(proxy.total()).toBeLessThanOrEqual(Math.ceil(4 * seconds) + 4);
    } finally {
      await proxy.close();
    }
  });

  it("stops every wait on Ctrl-C and exits 130", async () => {
    const ids = [ecsJob({ duration_ms: 600_000 }), ecsJob({ duration_ms: 600_000 })];
    const cli = startCli(["wait", ...ids, ...at()], env);
    await cli.stdoutMatching(new RegExp(`${ids[1]} {2}INIT`));
    cli.child.kill("SIGINT");
    const run = await cli.done;
    expect(run.code).toBe(130);
    for (const id of ids) expect(run.stdout).toContain(`${id}  interrupted by SIGINT; the job keeps running on the server`);
  });

  it("draws one live line per job on a terminal", async () => {
    const ids = [ecsJob({ duration_ms: 2_000, sub_jobs: 1 }), ecsJob({ duration_ms: 3_000, sub_jobs: 2 })];
    const run = await runInPty(["wait", ...ids, ...at()], env);
    expect(run.code).toBe(0);
    const text = run.stdout.replace(/\u001B\[[0-9;?]*[A-Za-z]/g, "");
    // A frame holds one line per job, in the order given (log-update then redraws only the lines that change).
    expect(text).toMatch(new RegExp(`job ${ids[0]} {2}\\S+ .*\\r?\\njob ${ids[1]} {2}\\S+ `));
    expect(text).toMatch(new RegExp(`job ${ids[0]} {2}SUCCESS {2}sub-jobs 1/1 {2}elapsed \\d+s`));
    expect(text).toMatch(new RegExp(`job ${ids[1]} {2}SUCCESS {2}sub-jobs 2/2 {2}elapsed \\d+s`));
    expect(text.trim().split(/\r?\n/).slice(-2)).toEqual([`${ids[0]}  SUCCESS`, `${ids[1]}  SUCCESS`]);
  });
});

describe("cloud-jobs wait --state FILE", () => {
  it("killed mid-wait, a rerun with the file continues where it stopped and polls no job that had finished", async () => {
    const dir = tmp();
    const file = join(dir, "waits.json");
    const [quick, slow] = [ecsJob({ duration_ms: 1_000, sub_jobs: 0 }), ecsJob({ duration_ms: 9_000, sub_jobs: 0 })];
    const first = startCli(["wait", quick, slow, ...at(), "--state", file], env);
    await first.stdoutMatching(new RegExp(`${quick} {2}SUCCESS`));
    await first.stdoutMatching(new RegExp(`${slow} {2}RUNNING`));
    first.child.kill("SIGKILL");
    expect((await first.done).signal).toBe("SIGKILL");
    const saved = readState(file);
    expect(saved.waits[quick]).toMatchObject({ jobId: quick, lastStatus: "SUCCESS" });
    expect(saved.waits[slow]).toMatchObject({ jobId: slow, lastStatus: "RUNNING" });
    expect(readFileSync(file, "utf8")).not.toContain(TOKEN);
    expect(existsSync(`${file}.tmp`)).toBe(false); // written whole, then renamed

    const proxy = await countingProxy(server.url);
    try {
      // No ids: the file's.
      const again = await runCli(["wait", "--service", "ecs", "--endpoint", proxy.url, "--state", file], env);
      expect(again.code).toBe(0);
      expect(proxy.counts.get(quick)).toBeUndefined();
      expect(proxy.counts.get(slow)).toBeGreaterThan(0);
      const resumed = readState(file).waits[slow]!;
      expect(resumed).toMatchObject({ lastStatus: "SUCCESS", startedAt: saved.waits[slow]!.startedAt });
      expect(resumed.polls).toBe(saved.waits[slow]!.polls + proxy.counts.get(slow)!);
      expect(again.stdout.trim().split("\n").slice(-2)).toEqual([`${quick}  SUCCESS`, `${slow}  SUCCESS`]);
    } finally {
      await proxy.close();
    }
  });

  it("refuses a file that is not its own, and a state of another service", async () => {
    const file = join(tmp(), "other.json");
    writeFileSync(file, "{}");
    const refused = await runCli(["wait", ecsJob(), ...at(), "--state", file], env);
    expect([refused.code, refused.stderr]).toEqual([2, expect.stringContaining("is not a state file of cloud-jobs wait")]);
    const id = ecsJob({ duration_ms: 300 });
    const state = join(tmp(), "ecs.json");
    expect((await runCli(["wait", id, ...at(), "--state", state], env)).code).toBe(0);
    await sleep(10);
    const other = await runCli(["wait", id, "--service", "evs", "--endpoint", server.url, "--state", state], env);
    expect(other.code).toBe(0); // finished: not polled again, whatever the service
    writeFileSync(state, JSON.stringify({ version: 1, waits: { [id]: { ...readState(state).waits[id], lastStatus: "RUNNING" } } }));
    const mismatch = await runCli(["wait", id, "--service", "evs", "--endpoint", server.url, "--state", state], env);
    expect([mismatch.code, mismatch.stderr]).toEqual([2, expect.stringContaining("resumeFrom: must belong to service \"evs\", not \"ecs\"")]);
  });
});
