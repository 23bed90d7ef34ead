import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { startMockServer, type MockServer } from "@cloud-jobs/mock-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ACCESS_KEY, PROJECT_ID, SECRET_KEY, SECURITY_TOKEN, TOKEN, UNKNOWN_JOB_ID, runCli, type CliRun } from "./support/harness.js";

const SECRETS = [TOKEN, SECRET_KEY, SECURITY_TOKEN];
const tokenEnv = { OS_AUTH_TOKEN: TOKEN, OS_SECRET_KEY: SECRET_KEY, OS_PROJECT_ID: PROJECT_ID };
const akskEnv = { OS_ACCESS_KEY: ACCESS_KEY, OS_SECRET_KEY: SECRET_KEY, OS_SECURITY_TOKEN: SECURITY_TOKEN, OS_PROJECT_ID: PROJECT_ID };

let strictMock: MockServer;
let echo: Server;
let echoUrl: string;

beforeAll(async () => {
  // Accepts only another token and another key pair: every request of these tests is refused.
  strictMock = await startMockServer({ port: 0, host: "127.0.0.1", token: "the-right-token", accessKey: ACCESS_KEY, secretKey: "not-the-cli-secret" });
  // A hostile server that copies the credentials it receives into what it answers.
  echo = createServer((request, response) => {
    const received = [request.headers["x-auth-token"], request.headers["x-security-token"], request.headers["authorization"]].join(" ");
    response.setHeader("content-type", "application/json");
    response.setHeader("x-request-id", String(request.headers["x-auth-token"] ?? "req"));
    if (request.url?.includes("/jobs/eeeeeeeeeeeeeeeeeeeeeeeeeeeeeeee")) {
      response.end(JSON.stringify({ job_id: "eeeeeeeeeeeeeeeeeeeeeeeeeeeeeeee", job_type: "createServer", status: "FAIL", fail_reason: received, entities: { echoed: received } }));
      return;
    }
    response.statusCode = 401;
    response.end(JSON.stringify({ error: { code: "Common.0013", message: `invalid token ${received}` } }));
  });
  await new Promise<void>((resolve) => echo.listen(0, "127.0.0.1", resolve));
  echoUrl = `http://127.0.0.1:${(echo.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await strictMock?.close();
  await new Promise((resolve) => echo?.close(resolve));
});

function expectNoSecret(run: CliRun): void {
  for (const secret of SECRETS) {
    expect(run.stdout).not.toContain(secret);
    expect(run.stderr).not.toContain(secret);
  }
}

describe("secrets never reach the output", () => {
  it.each([
    ["a refused token", ["get", UNKNOWN_JOB_ID, "--service", "ecs"], tokenEnv, 4],
    ["a refused signature", ["get", UNKNOWN_JOB_ID, "--service", "evs"], akskEnv, 4],
    ["a refused wait", ["wait", UNKNOWN_JOB_ID, "--service", "bms", "--timeout", "1m"], akskEnv, 4],
  ])("on %s from the mock server", async (_, args, env, code) => {
    const run = await runCli([...args, "--endpoint", strictMock.url], env);
    expect(run.code).toBe(code);
    expect(run.stderr).toMatch(/HTTP 401/);
    expectNoSecret(run);
  });

  it.each([
    ["a 401 that echoes the token", ["get", UNKNOWN_JOB_ID], tokenEnv, 4],
    ["a 401 that echoes the security token", ["wait", UNKNOWN_JOB_ID], akskEnv, 4],
    ["a job that echoes the token", ["get", "eeeeeeeeeeeeeeeeeeeeeeeeeeeeeeee"], tokenEnv, 1],
    ["a job that echoes the token, as JSON", ["get", "eeeeeeeeeeeeeeeeeeeeeeeeeeeeeeee", "--json"], tokenEnv, 1],
    ["a failed wait that echoes the security token", ["wait", "eeeeeeeeeeeeeeeeeeeeeeeeeeeeeeee"], akskEnv, 1],
  ])("on %s", async (_, args, env, code) => {
    const run = await runCli([...args, "--service", "ecs", "--endpoint", echoUrl], env);
    expect(run.code).toBe(code);
    expect(`${run.stdout}${run.stderr}`).toContain("[REDACTED]");
    expectNoSecret(run);
  });

  it.each([
    ["a usage error", ["wait", UNKNOWN_JOB_ID, "--service", "ecs", "--timeout", TOKEN]],
    ["a network error", ["get", UNKNOWN_JOB_ID, "--service", "ecs", "--endpoint", "http://127.0.0.1:9"]],
  ])("on %s", async (_, args) => {
    const run = await runCli(args, tokenEnv);
    expect(run.code).not.toBe(0);
    expectNoSecret(run);
  });
});
