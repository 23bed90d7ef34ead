import { startMockServer } from "@cloud-jobs/mock-server";
import { describe, expect, it } from "vitest";
import { PROJECT_ID, TOKEN } from "./support/constants.js";
import { runCli, startCli } from "./support/run-cli.js";

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
