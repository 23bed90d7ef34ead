// Integration: the client against a real HTTP server on 127.0.0.1 (global fetch, real sockets).
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createJobsClient, type Auth } from "../src/index.js";
import { EVS_RUNNING, PROJECT_ID, signatureMatches } from "./helpers.js";

const AK = "LOOPBACKAKEXAMPLE000";
const SK = "loopbackSecretKeyloopbackSecretKey000000";
const TOKEN = "loopback-token-0123456789";

let server: Server;
let endpoint: string;
const hits = new Map<string, number>();
const closedEarly = new Set<string>();

async function authenticated(req: IncomingMessage): Promise<boolean> {
  if (req.headers["x-auth-token"] !== undefined) return req.headers["x-auth-token"] === TOKEN;
  const url = new URL(req.url ?? "/", `http://${req.headers.host}`);
  const ok = await signatureMatches({ method: req.method ?? "GET", url, headers: req.headers }, { accessKey: AK, secretKey: SK });
  return ok && req.headers["x-project-id"] === PROJECT_ID;
}

async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
  const match = /^\/v1\/([^/]+)\/jobs\/([^/]+)$/.exec(req.url ?? "");
  const scenario = match?.[2] ?? "";
  const n = (hits.get(scenario) ?? 0) + 1;
  hits.set(scenario, n);
  res.on("close", () => {
    if (!res.writableEnded) closedEarly.add(scenario);
  });
  if (!(await authenticated(req))) {
    res.writeHead(401, { "content-type": "application/json", "x-request-id": `req-${scenario}` });
    res.end(JSON.stringify({ error_code: "APIGW.0301", error_msg: "Incorrect IAM authentication information" }));
    return;
  }
  const job = JSON.stringify({ ...EVS_RUNNING, job_id: scenario });
  switch (scenario) {
    case "ratelimited":
      if (n === 1) {
        res.writeHead(429, { "retry-after": "0", "content-type": "application/json" });
        res.end(JSON.stringify({ code: "Common.1503", message: "flow control" }));
        return;
      }
      break;
    case "html503":
      res.writeHead(503, { "content-type": "text/html" });
      res.end("<!DOCTYPE html><html><head><title>503 Service Temporarily Unavailable</title></head></html>");
      return;
    case "hang":
    case "hang2":
      return; // never answers
    case "reset":
      req.socket.destroy();
      return;
    case "huge": {
      res.writeHead(200, { "content-type": "application/json" });
      const chunk = Buffer.alloc(1024 * 1024, 0x20);
      let sent = 0;
      const pump = (): void => {
        while (sent < 20 && !res.destroyed) {
          sent++;
          if (!res.write(chunk)) return void res.once("drain", pump);
        }
        res.end();
      };
      pump();
      return;
    }
  }
  res.writeHead(200, { "content-type": "application/json", "x-request-id": `req-${scenario}` });
  res.end(job);
}

beforeAll(async () => {
  server = createServer((req, res) => void handle(req, res));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

const client = (auth: Auth, extra: { timeoutMs?: number } = {}) =>
  createJobsClient({ service: "evs", projectId: PROJECT_ID, endpoint, auth, retry: { maxAttempts: 2, random: () => 0 }, ...extra });

describe("client against a loopback server", () => {
  it("gets a job with a token", async () => {
    await expect(client({ token: TOKEN }).getJob("tokenjob")).resolves.toMatchObject({ job_id: "tokenjob", status: "RUNNING" });
  });

  it("gets a job with AK/SK, the signature verified by the server", async () => {
    await expect(client({ accessKey: AK, secretKey: SK }).getJob("signedjob")).resolves.toMatchObject({ job_id: "signedjob" });
  });

  it("gets the gateway's 401 as a JobsApiError when the secret key is wrong", async () => {
    const error = await client({ accessKey: AK, secretKey: "wrong-secret-key" }).getJob("badsig").catch((e: unknown) => e);
    expect(error).toMatchObject({ name: "JobsApiError", status: 401, code: "APIGW.0301", requestId: "req-badsig", retryable: false });
  });

  it("retries a 429 with Retry-After: 0 and then succeeds", async () => {
    await expect(client({ token: TOKEN }).getJob("ratelimited")).resolves.toMatchObject({ job_id: "ratelimited" });
    expect(hits.get("ratelimited")).toBe(2);
  });

  it("reports an HTML 503 as HTTP_503 after the retries", async () => {
    const error = await client({ token: TOKEN }).getJob("html503").catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "HTTP_503", status: 503, retryable: true });
    expect((error as Error).message).toContain("503 Service Temporarily Unavailable");
    expect(hits.get("html503")).toBe(2);
  });

  it("reports a dropped connection as NETWORK_ERROR", async () => {
    await expect(client({ token: TOKEN }).getJob("reset")).rejects.toMatchObject({ code: "NETWORK_ERROR", status: undefined });
  });

  it("refuses a body over the size limit and hangs up", async () => {
    await expect(client({ token: TOKEN }).getJob("huge")).rejects.toMatchObject({ code: "INVALID_RESPONSE", status: 200 });
  });

  it("times out a request the server never answers and closes the connection", async () => {
    await expect(client({ token: TOKEN }, { timeoutMs: 300 }).getJob("hang")).rejects.toMatchObject({ code: "TIMEOUT" });
    await expect.poll(() => closedEarly.has("hang")).toBe(true);
  });

  it("aborts an in-flight request with the caller's reason", async () => {
    const controller = new AbortController();
    const pending = client({ token: TOKEN }).getJob("hang2", { signal: controller.signal });
    await expect.poll(() => hits.get("hang2")).toBe(1);
    controller.abort(new Error("stop waiting"));
    await expect(pending).rejects.toThrow("stop waiting");
    await expect.poll(() => closedEarly.has("hang2")).toBe(true);
  });
});
