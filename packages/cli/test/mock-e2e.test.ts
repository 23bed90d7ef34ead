import { startMockServer } from "@cloud-jobs/mock-server";
import { cpSync, mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { PACKAGE_DIR, PROJECT_ID, TOKEN, TOKEN_ENV, runCli, startCli } from "./support/harness.js";

describe("cloud-jobs mock", () => {
  it("serves the job API until Ctrl-C, then exits 0", async () => {
    const mock = startCli(["mock", "--port", "0", "--quiet"], {});
    const banner = await mock.stdoutMatching(/listening on (http:\/\/127\.0\.0\.1:\d+)/);
    const url = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(banner)?.[1] ?? "";
    try {
      const created = await fetch(`${url}/mock/jobs`, {
        method: "POST",
        body: JSON.stringify({ service: "evs", job_type: "batchCreateVolume", sub_jobs: 2, duration_ms: 1 }),
      });
      const { job_id } = (await created.json()) as { job_id: string };
      const get = await runCli(["get", job_id, "--service", "evs", "--endpoint", url, "--json"], { OS_AUTH_TOKEN: TOKEN, OS_PROJECT_ID: PROJECT_ID });
      expect(get.code).toBe(0);
      expect(JSON.parse(get.stdout)).toMatchObject({ job_id, status: "SUCCESS" });
    } finally {
      mock.child.kill("SIGINT");
    }
    const run = await mock.done;
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("stopped");
  });

  it("exits 2 on an option the mock server does not know", async () => {
    const run = await runCli(["mock", "--port", "many"], {});
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("--port");
  });

  it("exits 4 when the port is taken", async () => {
    const taken = await startMockServer({ port: 0, host: "127.0.0.1" });
    try {
      const run = await runCli(["mock", "--port", String(new URL(taken.url).port)], {});
      expect(run.code).toBe(4);
      expect(run.stderr).toMatch(/EADDRINUSE|in use/);
    } finally {
      await taken.close();
    }
  });
});

describe("the CLI installed without the mock server", () => {
  it("gets jobs, and `mock` exits 2 saying how to install the mock server", async () => {
    // The package as a user installs it: its files and its dependencies only (the mock server is an optional peer).
    const dir = mkdtempSync(join(tmpdir(), "cloud-jobs-cli-alone-"));
    try {
      for (const part of ["bin", "dist", "package.json"]) cpSync(join(PACKAGE_DIR, part), join(dir, part), { recursive: true });
      for (const name of ["@cloud-jobs/client", "commander", "log-update"]) {
        mkdirSync(join(dir, "node_modules", name, ".."), { recursive: true });
        symlinkSync(realpathSync(join(PACKAGE_DIR, "node_modules", name)), join(dir, "node_modules", name));
      }
      const bin = join(dir, "bin", "cloud-jobs.js");
      const mock = await runCli(["mock", "--port", "0"], {}, bin);
      expect(mock.code).toBe(2);
      expect(mock.stderr).toMatch(/^cloud-jobs: the mock server is not installed\n {2}hint: install it beside the CLI: npm install --global @cloud-jobs\/mock-server/);
      const get = await runCli(["get", "ffffffffffffffffffffffffffffffff", "--service", "ecs", "--endpoint", "http://127.0.0.1:9"], TOKEN_ENV, bin);
      expect([get.code, get.stderr]).toEqual([4, expect.stringContaining("NETWORK_ERROR")]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
