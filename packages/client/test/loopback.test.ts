// Integration: the client against a real HTTP server on 127.0.0.1 (real sockets), through both transports: node:http,
// its default on Node, and the global fetch, given as the `fetch` option (the default in browsers, Bun and Deno).
import { subscribe, unsubscribe } from "node:diagnostics_channel";
import { readFileSync } from "node:fs";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { createServer as createTlsServer, globalAgent as httpsAgent } from "node:https";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createJobWatcher, createJobsClient, WatcherClosedError, type Auth } from "../src/index.js";
import { EVS_RUNNING, PROJECT_ID, signatureMatches } from "./helpers.js";

const AK = "LOOPBACKAKEXAMPLE000";
const SK = "loopbackSecretKeyloopbackSecretKey000000";
const TOKEN = "loopback-token-0123456789";

let server: Server;
let endpoint: string;
const hits = new Map<string, number>();
const closedEarly = new Set<string>();
/** Requests each socket has carried, to tell a reused kept-alive connection from a new one. */
const carried = new WeakMap<object, number>();

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
  const reused = (carried.get(req.socket) ?? 0) > 0;
  carried.set(req.socket, (carried.get(req.socket) ?? 0) + 1);
  switch (scenario.replace(/-fetch$/, "")) {
    case "stale":
      // A kept-alive connection the server drops just as the client reuses it: the request never got an answer.
      if (reused && n === 1) return void req.socket.destroy();
      break;
    case "cutoff":
      res.writeHead(200, { "content-type": "application/json", "content-length": String(job.length) });
      res.write(job.slice(0, 40), () => req.socket.destroy());
      return;
    case "bigerror": {
      res.writeHead(500, { "content-type": "text/plain" });
      res.end(`E${"x".repeat(200 * 1024)}`);
      return;
    }
    case "split": {
      // "é" is two bytes in UTF-8: the first chunk ends between them.
      const body = Buffer.from(JSON.stringify({ ...EVS_RUNNING, job_id: scenario, fail_reason: "café" }));
      const at = body.indexOf(Buffer.from("é")) + 1;
      res.writeHead(200, { "content-type": "application/json" });
      res.write(body.subarray(0, at), () => setTimeout(() => res.end(body.subarray(at)), 20));
      return;
    }
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
    case "watched":
    case "waited":
      return; // never answers
    case "reset":
      req.socket.destroy();
      return;
    case "huge": {
      res.writeHead(200, { "content-type": "application/json" });
      const chunk = Buffer.alloc(1024 * 1024, 0x20);
      let sent = 0;
      const pump = (): void => {
        while (sent < 64 && !res.destroyed) { // 64 MB, four times the cap: ended early only by the client hanging up
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

describe.each([
  { transport: "node:http (the default on Node)", fetch: undefined },
  { transport: "the global fetch (a fetch option)", fetch: (request: Request) => fetch(request) },
])("client against a loopback server through $transport", ({ fetch: fetchOption }) => {
  const client = (auth: Auth, extra: { timeoutMs?: number; retry?: false } = {}) =>
    createJobsClient({ service: "evs", projectId: PROJECT_ID, endpoint, auth, retry: { maxAttempts: 2, random: () => 0 }, fetch: fetchOption, ...extra });
  /** The server's scenario of that name, as a job id of its own for each transport (the server counts hits per id). */
  const id = (name: string) => `${name}${fetchOption ? "-fetch" : ""}`;

  it("gets a job with a token", async () => {
    await expect(client({ token: TOKEN }).getJob(id("tokenjob"))).resolves.toMatchObject({ job_id: id("tokenjob"), status: "RUNNING" });
  });

  it("gets a job with AK/SK, the signature verified by the server", async () => {
    await expect(client({ accessKey: AK, secretKey: SK }).getJob(id("signedjob"))).resolves.toMatchObject({ job_id: id("signedjob") });
  });

  it("gets the gateway's 401 as a JobsApiError when the secret key is wrong", async () => {
    const error = await client({ accessKey: AK, secretKey: "wrong-secret-key" }).getJob(id("badsig")).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: "JobsApiError", status: 401, code: "APIGW.0301", requestId: `req-${id("badsig")}`, retryable: false });
  });

  it("retries a 429 with Retry-After: 0 and then succeeds", async () => {
    await expect(client({ token: TOKEN }).getJob(id("ratelimited"))).resolves.toMatchObject({ job_id: id("ratelimited") });
    expect(hits.get(id("ratelimited"))).toBe(2);
  });

  it("reports an HTML 503 as HTTP_503 after the retries", async () => {
    const error = await client({ token: TOKEN }).getJob(id("html503")).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "HTTP_503", status: 503, retryable: true });
    expect((error as Error).message).toContain("503 Service Temporarily Unavailable");
    expect(hits.get(id("html503"))).toBe(2);
  });

  it("reports an error body over 64 KB by its start, the rest dropped", async () => {
    const error = await client({ token: TOKEN }, { retry: false }).getJob(id("bigerror")).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "HTTP_500", status: 500 });
    expect((error as Error).message).toContain("Exxxx");
  });

  it("reports a dropped connection as NETWORK_ERROR", async () => {
    await expect(client({ token: TOKEN }).getJob(id("reset"))).rejects.toMatchObject({ code: "NETWORK_ERROR", status: undefined });
  });

  it("reports a body that breaks off before its Content-Length as NETWORK_ERROR", async () => {
    await expect(client({ token: TOKEN }, { retry: false }).getJob(id("cutoff"))).rejects.toMatchObject({ code: "NETWORK_ERROR" });
  });

  it("decodes a character split between two chunks", async () => {
    await expect(client({ token: TOKEN }).getJob(id("split"))).resolves.toMatchObject({ fail_reason: "café" });
  });

  it("refuses a body over the size limit and hangs up", async () => {
    await expect(client({ token: TOKEN }).getJob(id("huge"))).rejects.toMatchObject({ code: "INVALID_RESPONSE", status: 200 });
    await expect.poll(() => closedEarly.has(id("huge"))).toBe(true);
  });

  it("times out a request the server never answers and closes the connection", async () => {
    await expect(client({ token: TOKEN }, { timeoutMs: 300 }).getJob(id("hang"))).rejects.toMatchObject({ code: "TIMEOUT" });
    await expect.poll(() => closedEarly.has(id("hang"))).toBe(true);
  });

  it("aborts an in-flight request with the caller's reason", async () => {
    const controller = new AbortController();
    const pending = client({ token: TOKEN }).getJob(id("hang2"), { signal: controller.signal });
    await expect.poll(() => hits.get(id("hang2"))).toBe(1);
    controller.abort(new Error("stop waiting"));
    await expect(pending).rejects.toThrow("stop waiting");
    await expect.poll(() => closedEarly.has(id("hang2"))).toBe(true);
  });
});

describe("node:http, the default transport on Node", () => {
  const client = () => createJobsClient({ service: "evs", projectId: PROJECT_ID, endpoint, auth: { token: TOKEN }, retry: false });

  it("sends through node:http, and never loads the global fetch's request path", async () => {
    const [viaHttp, viaUndici] = [[] as string[], [] as string[]];
    const onHttp = ({ request }: { request: { path: string } }) => void viaHttp.push(request.path);
    const onUndici = ({ request }: { request: { path: string } }) => void viaUndici.push(request.path);
    subscribe("http.client.request.start", onHttp as (message: unknown) => void);
    subscribe("undici:request:create", onUndici as (message: unknown) => void);
    try {
      await client().getJob("transport");
    } finally {
      unsubscribe("http.client.request.start", onHttp as (message: unknown) => void);
      unsubscribe("undici:request:create", onUndici as (message: unknown) => void);
    }
    expect(viaHttp).toEqual([`/v1/${PROJECT_ID}/jobs/transport`]);
    expect(viaUndici).toEqual([]);
  });

  it("speaks https through node:https's global agent, verifying the certificate against the agent's CAs", async () => {
    // A self-signed certificate for 127.0.0.1, made for these tests only (valid until 2126).
    const [cert, key] = ["cert", "key"].map((part) => readFileSync(new URL(`./fixtures/loopback-${part}.pem`, import.meta.url), "utf8"));
    const tls = createTlsServer({ cert, key }, (req, res) => void handle(req, res));
    await new Promise<void>((resolve) => tls.listen(0, "127.0.0.1", resolve));
    const secure = createJobsClient({ service: "evs", projectId: PROJECT_ID, endpoint: `https://127.0.0.1:${(tls.address() as AddressInfo).port}`, auth: { token: TOKEN }, retry: false });
    try {
      const refused = await secure.getJob("untrusted").catch((e: unknown) => e);
      expect(refused).toMatchObject({ code: "NETWORK_ERROR" });
      expect((refused as Error).message).toMatch(/self[- ]signed/i);
      expect(hits.get("untrusted")).toBeUndefined(); // nothing was sent before the certificate was checked
      httpsAgent.options.ca = cert;
      await expect(secure.getJob("overtls")).resolves.toMatchObject({ job_id: "overtls" });
    } finally {
      delete httpsAgent.options.ca;
      tls.closeAllConnections();
      await new Promise<void>((resolve) => tls.close(() => resolve()));
    }
  });

  it("makes no AbortSignal for a call, nor for the polls of a watcher given the client or of client.waitForJob, yet cancels them", async () => {
    const userAbort = new AbortController();
    const native = globalThis.AbortController;
    let made = 0;
    globalThis.AbortController = class extends native {
      constructor() {
        super();
        made += 1;
      }
    };
    try {
      const evs = client();
      await expect(evs.getJob("unsignalled")).resolves.toMatchObject({ job_id: "unsignalled" });
      const watcher = createJobWatcher({ client: evs, maxRequestsPerSecond: 10 });
      const watched = watcher.wait("watched");
      await expect.poll(() => hits.get("watched")).toBe(1);
      watcher.close();
      await expect(watched).rejects.toBeInstanceOf(WatcherClosedError);
      const waited = evs.waitForJob("waited", { signal: userAbort.signal });
      await expect.poll(() => hits.get("waited")).toBe(1);
      userAbort.abort(new Error("no longer needed"));
      await expect(waited).rejects.toThrow("no longer needed");
      await expect.poll(() => closedEarly.has("watched") && closedEarly.has("waited")).toBe(true); // both requests were destroyed
      expect(made).toBe(0);
    } finally {
      globalThis.AbortController = native;
    }
  });

  it("sends a GET again, once, when the kept-alive connection it reused was closed before any answer", async () => {
    const evs = client();
    await evs.getJob("warmup"); // leaves a kept-alive connection for the next request to reuse
    await expect(evs.getJob("stale")).resolves.toMatchObject({ job_id: "stale" });
    expect(hits.get("stale")).toBe(2); // retried although the client was told not to retry: the GET never reached the server
  });
});
