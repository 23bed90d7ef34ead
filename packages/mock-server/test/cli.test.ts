import { getFixture } from "@cloud-jobs/fixtures";
import { describe, expect, it } from "vitest";
import { runMockCli, startMockServer, type MockServer } from "../src/index.js";
import { getJob } from "./http.js";

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, io: { stdout: { write: (t: string) => out.push(t) }, stderr: { write: (t: string) => err.push(t) } } };
}

describe("runMockCli", () => {
  it("prints the usage for --help and exits 0", async () => {
    const { out, io } = capture();
    expect(await runMockCli(["--help"], io)).toBe(0);
    expect(out.join("")).toContain("--access-key <ak>");
  });

  it.each([
    [["--port", "99999"], "--port: must be an integer 0–65535"],
    [["--port", "x"], "--port: must be an integer"],
    [["--bogus"], "Unknown option '--bogus'"],
    [["extra"], "Unexpected argument 'extra'"],
    [["--access-key", "AK"], "--access-key: give both accessKey and secretKey"],
    [["--service", "rds"], "--service: must be ecs, bms, evs or vbs"],
    [["--host"], "Option '--host <value>' argument missing"],
    [["--host="], "--host: must be a host name"],
  ])("%j exits 2 with %s and the usage", async (argv, message) => {
    const { err, io } = capture();
    expect(await runMockCli(argv, io)).toBe(2);
    expect(err.join("")).toContain(message);
    expect(err.join("")).toContain("Usage:");
  });

  it("serves until stopped, verifies signatures with the given keys, and exits 0", async () => {
    const { out, io } = capture();
    const stop = new AbortController();
    let server: MockServer | undefined;
    const exit = runMockCli(["--port=0", "--access-key", "AK", "--secret-key", "SK", "--service", "evs"], {
      ...io,
      signal: stop.signal,
      onListening: (s) => (server = s),
    });
    await expect.poll(() => server).toBeDefined();
    const job = getFixture("evs", "createVolume-success");
    expect((await getJob(server!.url, job.jobId)).json()).toEqual(job.body);
    expect((await getJob(server!.url, job.jobId, { Authorization: "SDK-HMAC-SHA256 Access=AK, SignedHeaders=host, Signature=00" })).status).toBe(401);
    stop.abort();
    expect(await exit).toBe(0);
    expect(out.join("")).toContain(`listening on ${server!.url}`);
    expect(out.join("")).toContain("signatures verified for access key AK");
    expect(out.join("")).toMatch(/GET \/v1\/.* 200/);
    expect(out.join("")).toContain("stopped");
  });

  it("exits 1 with the reason when the port is taken", async () => {
    const taken = await startMockServer();
    try {
      const { err, io } = capture();
      expect(await runMockCli(["--port", String(taken.port), "--quiet"], io)).toBe(1);
      expect(err.join("")).toContain("EADDRINUSE");
    } finally {
      await taken.close();
    }
  });
});
