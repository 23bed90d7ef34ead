import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { validateJob } from "@cloud-jobs/fixtures";
import { afterAll, describe, expect, it } from "vitest";
import { DEMO_CREDENTIALS, DEMO_JOBS, runDemo, startDemo, type Demo } from "../src/index.js";
import { fileFor } from "../src/demo/static-server.js";
import { getJob, request } from "./http.js";

const docs = mkdtempSync(join(tmpdir(), "mock-demo-docs-"));
mkdirSync(join(docs, "guide"));
writeFileSync(join(docs, "index.html"), "<html>docs</html>");
writeFileSync(join(docs, "guide", "index.html"), "<html>guide</html>");
afterAll(() => rmSync(docs, { recursive: true, force: true }));

describe("the pnpm start demo", () => {
  it("starts the mock with jobs of every service and the docs, and prints URLs and commands", async () => {
    const demo = await startDemo({ port: 0, docsPort: 0, docsDir: docs });
    try {
      expect(new Set(demo.jobs.map((j) => j.service))).toEqual(new Set(["ecs", "bms", "evs", "vbs"]));
      for (const job of demo.jobs) {
        const reply = await getJob(demo.mock.url, job.job_id);
        expect(validateJob(job.service, reply.json()).valid).toBe(true);
      }
      expect((await request(demo.docs!.url)).text).toBe("<html>docs</html>");
      expect((await request(`${demo.docs!.url}guide/`)).text).toBe("<html>guide</html>");
      expect((await request(`${demo.docs!.url}nope.html`)).status).toBe(404);
      const evs = demo.jobs.find((j) => j.service === "evs")!;
      expect(demo.banner).toContain(`cloud-jobs.js wait ${evs.job_id} --service evs --endpoint ${demo.mock.url}`);
      expect(demo.banner).toContain(`OS_ACCESS_KEY=${DEMO_CREDENTIALS.accessKey}`);
      expect(demo.banner).toContain(demo.docs!.url);
    } finally {
      await demo.close();
    }
  });

  it("says how to build the docs when they are missing, and takes a free port when 4010-style ports are taken", async () => {
    const first = await startDemo({ port: 0, docsDir: join(docs, "missing") });
    let second: Demo | undefined;
    try {
      second = await startDemo({ port: first.mock.port, docsDir: join(docs, "missing") });
      expect(second.mock.port).not.toBe(first.mock.port);
      expect(second.docs).toBeUndefined();
      expect(second.banner).toContain("pnpm --filter @cloud-jobs/docs build");
    } finally {
      await Promise.all([first.close(), second?.close()]);
    }
  });

  it("never serves a file outside the docs folder", () => {
    expect(fileFor(docs, "/../../etc/passwd")).toBeUndefined();
    expect(fileFor(docs, "/%2e%2e/%2e%2e/etc/passwd")).toBeUndefined();
    expect(fileFor(docs, "/%E0%A4%A")).toBeUndefined();
    expect(fileFor(docs, "/index.html?x=1")).toBe(join(docs, "index.html"));
  });

  it("runs until stopped and exits 0; bad arguments exit 2", async () => {
    const out: string[] = [];
    const io = { stdout: { write: (t: string) => out.push(t) }, stderr: { write: (t: string) => out.push(t) } };
    expect(await runDemo(["--port", "x"], io)).toBe(2);
    const stop = new AbortController();
    let started: Demo | undefined;
    const exit = runDemo(["--port", "0", "--docs-port", "0"], { ...io, signal: stop.signal, onStarted: (d) => (started = d) });
    await expect.poll(() => started).toBeDefined();
    expect(started!.jobs).toHaveLength(DEMO_JOBS.length);
    stop.abort();
    expect(await exit).toBe(0);
    expect(out.join("")).toContain("stopped");
    await expect(getJob(started!.mock.url, started!.jobs[0]!.job_id)).rejects.toThrow();
  });
});
