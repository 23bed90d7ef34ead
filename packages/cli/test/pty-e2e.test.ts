import { describe, expect, it } from "vitest";
import { runInPty, TOKEN_ENV as env, useJobServer } from "./support/harness.js";

const server = useJobServer();

// log-update redraws a frame by erasing lines (ESC[2K) and moving the cursor up (ESC[1A).
const ERASE_LINE = "\u001B[2K";
const CURSOR_UP = /\u001B\[\d*A/;
const ANSI = /\u001B\[[0-9;?]*[A-Za-z]/g;

describe("cloud-jobs wait in a terminal", () => {
  it("redraws one live line with status, sub-jobs done/total and elapsed time", async () => {
    // Long enough that several polls land while sub-jobs are still finishing one by one.
    const id = server.createJob({ service: "ecs", job_type: "createServer", duration_ms: 8_000, sub_jobs: 3, outcome: "SUCCESS" });
    const run = await runInPty(["wait", id, "--service", "ecs", "--endpoint", server.url], env);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(ERASE_LINE);
    expect(run.stdout).toMatch(CURSOR_UP);
    const frames = run.stdout.replace(ANSI, "").split(/\r?\n/);
    expect(frames.some((line) => new RegExp(`^job ${id} {2}RUNNING {2}sub-jobs [0-2]/3 {2}elapsed \\d+s$`).test(line))).toBe(true);
    expect(frames.some((line) => new RegExp(`^job ${id} {2}SUCCESS {2}sub-jobs 3/3 {2}elapsed \\d+s$`).test(line))).toBe(true);
    expect(frames.some((line) => /^status\s+SUCCESS$/.test(line))).toBe(true);
  });

  it("keeps stdout plain JSON with --json and draws the live line on the terminal's stderr", async () => {
    const id = server.createJob({ service: "vbs", job_type: "bksCreateBackup", duration_ms: 2_000, sub_jobs: 0, outcome: "SUCCESS" });
    const run = await runInPty(["wait", id, "--service", "vbs", "--endpoint", server.url, "--json"], env);
    expect(run.code).toBe(0);
    // The pty merges both streams; the JSON document is what follows the last frame.
    const json = run.stdout.replace(ANSI, "").slice(run.stdout.replace(ANSI, "").indexOf("{"));
    expect(JSON.parse(json)).toMatchObject({ job_id: id, status: "SUCCESS" });
    expect(run.stdout).toContain(ERASE_LINE);
  });
});
