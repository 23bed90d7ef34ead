// The per-call target, in a child process (this file, forked) so that serving costs the measured process nothing: the
// one job path answers a fixed ECS job fixture, 401 without an auth header (forgetting auth fails loudly), 404 elsewhere.
import { fork } from "node:child_process";
import { createServer } from "node:http";
import { getFixture } from "@cloud-jobs/fixtures";
import { BenchError } from "./lib/report.js";

const FIXTURE = getFixture("ecs", "createServer-running");
export const PROJECT_ID = "0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e";
export const JOB_ID = FIXTURE.jobId;
export const TOKEN = "bench-token-not-a-secret";
export const AK_SK = { accessKey: "BENCHACCESSKEY000001", secretKey: "bench-secret-key-not-a-secret-0000000000" };
export const JOB_BODY = JSON.stringify(FIXTURE.body);
export const JOB_PATH = `/v1/${PROJECT_ID}/jobs/${JOB_ID}`;

if (process.env["BENCH_LOOPBACK_CHILD"] === "1") {
  const ok = Buffer.from(JOB_BODY);
  const unauthorized = Buffer.from(JSON.stringify({ error_code: "APIGW.0301", error_msg: "no auth header" }));
  const notFound = Buffer.from(JSON.stringify({ error: { code: "Common.0011", message: "no such path" } }));
  const server = createServer((request, response) => {
    const authenticated = request.headers["x-auth-token"] !== undefined || request.headers["authorization"] !== undefined;
    const [status, payload] = request.url !== JOB_PATH ? [404, notFound] : authenticated ? [200, ok] : [401, unauthorized];
    response.writeHead(status, { "Content-Type": "application/json", "Content-Length": payload.length, "X-Request-Id": "bench" });
    response.end(payload);
  });
  server.keepAliveTimeout = 60_000;
  server.listen(0, "127.0.0.1", () => process.send?.({ port: /** @type {import("node:net").AddressInfo} */ (server.address()).port }));
  // The parent going away (or asking) ends the server.
  process.on("disconnect", () => process.exit(0));
}

/** Starts the server on 127.0.0.1 (random port). @returns {Promise<{ url: string, close: () => Promise<void> }>} */
export async function startLoopbackServer() {
  const child = fork(new URL(import.meta.url), [], { env: { ...process.env, BENCH_LOOPBACK_CHILD: "1" }, execArgv: [], stdio: ["ignore", "inherit", "inherit", "ipc"] });
  const port = await new Promise((resolve, reject) => {
    child.once("message", (message) => resolve(/** @type {{ port?: unknown }} */ (message).port));
    child.once("error", (error) => reject(new BenchError("SERVER_FAILED", "the loopback job server did not start", {}, error)));
    child.once("exit", (code) => reject(new BenchError("SERVER_FAILED", `the loopback job server exited with ${code}`)));
  });
  if (typeof port !== "number" || port === 0) throw new BenchError("SERVER_FAILED", "the loopback job server has no port");
  return {
    url: `http://127.0.0.1:${port}`,
    close: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.disconnect();
      await exited;
    },
  };
}
