import { describe, expect, it } from "vitest";
import type { CliIo, OutputStream } from "../src/io.js";
import { main } from "../src/main.js";
import { PROJECT_ID, TOKEN, useJobServer } from "./support/harness.js";

const server = useJobServer();

function recorder(isTTY: boolean): OutputStream & { text: () => string } {
  const chunks: string[] = [];
  return { isTTY, columns: 100, rows: 30, write: (chunk: string) => chunks.push(chunk), text: () => chunks.join("") };
}

function testIo(stdoutIsTTY: boolean): CliIo & { stdout: ReturnType<typeof recorder>; stderr: ReturnType<typeof recorder>; interrupt: () => void } {
  let handler: ((signal: "SIGINT" | "SIGTERM") => void) | undefined;
  return {
    stdout: recorder(stdoutIsTTY),
    stderr: recorder(false),
    env: { OS_AUTH_TOKEN: TOKEN, OS_PROJECT_ID: PROJECT_ID },
    onInterrupt(h) {
      handler = h;
      return () => (handler = undefined);
    },
    interrupt: () => handler?.("SIGINT"),
  };
}

describe("main with injected io", () => {
  it("draws the live display when the injected stdout says it is a terminal", async () => {
    const id = server.createJob({ service: "bms", job_type: "baremetalBatchCreate", duration_ms: 1_500, sub_jobs: 2, outcome: "SUCCESS" });
    const io = testIo(true);
    const code = await main(["wait", id, "--service", "bms", "--endpoint", server.url], io);
    expect(code).toBe(0);
    expect(io.stdout.text()).toContain("\u001B[2K");
    expect(io.stdout.text()).toContain(`job ${id}  SUCCESS  sub-jobs 2/2`);
  });

  it("reads credentials and defaults only from the injected environment and sends through the injected fetch", async () => {
    const id = server.createJob({ service: "ecs", job_type: "createServer", duration_ms: 1, sub_jobs: 1, outcome: "SUCCESS" });
    const seen: Request[] = [];
    const io = { ...testIo(false), fetch: (input: RequestInfo | URL, init?: RequestInit) => {
      const request = new Request(input, init);
      seen.push(request);
      return fetch(request);
    } };
    const code = await main(["get", id, "--service", "ecs", "--endpoint", server.url, "--json"], io);
    expect(code).toBe(0);
    expect(seen.map((r) => [new URL(r.url).pathname, r.headers.get("x-auth-token")])).toEqual([[`/v1/${PROJECT_ID}/jobs/${id}`, TOKEN]]);
  });

  it("returns 130 when the injected interrupt fires during a wait", async () => {
    const id = server.createJob({ service: "ecs", job_type: "createServer", duration_ms: 600_000, sub_jobs: 1, outcome: "SUCCESS" });
    const io = testIo(false);
    const running = main(["wait", id, "--service", "ecs", "--endpoint", server.url], io);
    await new Promise<void>((resolve) => {
      const poll = setInterval(() => io.stdout.text().includes("elapsed") && (clearInterval(poll), resolve()), 20);
    });
    io.interrupt();
    expect(await running).toBe(130);
    expect(io.stderr.text()).toBe("cloud-jobs: interrupted by SIGINT; the job keeps running on the server\n");
  });
});
