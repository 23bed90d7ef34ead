import { connect, type Socket } from "node:net";
import { createJobsClient, JobsApiError } from "@cloud-jobs/client";
import { getFixture, validateError } from "@cloud-jobs/fixtures";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { clientErrorAnswer } from "../src/answer.js";
import { DEFAULT_MOCK_TIMEOUTS, startMockServer, type MockServer } from "../src/index.js";
import { getJob, PROJECT } from "./http.js";

const JOB = getFixture("ecs", "createServer-success");
const logged: string[] = [];
let mock: MockServer;
beforeAll(async () => {
  // Short timeouts so that the tests see them fire; the defaults are much longer.
  mock = await startMockServer({ log: (line) => logged.push(line), timeouts: { headersMs: 300, requestMs: 600 } });
});
afterAll(() => mock.close());

/** Opens a connection, lets `act` write to it (or not), and returns all the server sent before closing it. */
function exchange(act: (socket: Socket) => void): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(mock.port, "127.0.0.1", () => act(socket));
    let reply = "";
    socket.on("data", (d) => (reply += d.toString("latin1")));
    socket.on("close", () => resolve(reply));
    socket.on("error", reject);
  });
}

/** Status, headers (lower-cased) and JSON body of a raw HTTP answer. */
function parse(reply: string): { status: number; headers: Record<string, string>; body: unknown } {
  const [head = "", body = ""] = reply.split("\r\n\r\n");
  const [statusLine = "", ...lines] = head.split("\r\n");
  const headers = Object.fromEntries(lines.map((l) => [l.slice(0, l.indexOf(":")).toLowerCase(), l.slice(l.indexOf(":") + 1).trim()]));
  expect(Number(headers["content-length"])).toBe(Buffer.byteLength(body));
  return { status: Number(statusLine.split(" ")[1]), headers, body: JSON.parse(body) };
}

const stillServes = async (): Promise<void> => {
  expect((await getJob(mock.url, JOB.jobId)).json()).toEqual(JOB.body);
};

describe("answers to client errors", () => {
  it("answers a connection that sends nothing within the headers timeout with 408 and a JSON error, then closes it", async () => {
    const answer = parse(await exchange(() => {}));
    expect(answer.status).toBe(408);
    expect(answer.headers).toMatchObject({ connection: "close", "content-type": "application/json" });
    expect(answer.body).toMatchObject({ error: { code: "MOCK.0408" } });
    expect(validateError(answer.body).valid).toBe(true);
    expect(logged).toContain("client error ERR_HTTP_REQUEST_TIMEOUT: 408");
    await stillServes();
  });

  it("answers headers that stop half-way with 408, not 400", async () => {
    const answer = parse(await exchange((s) => s.write(`GET /v1/${PROJECT}/jobs/${JOB.jobId} HTTP/1.1\r\nHost: ecs.example\r\n`)));
    expect(answer.status).toBe(408);
  });

  it("answers malformed HTTP with 400 and a JSON error naming the parser's complaint", async () => {
    const answer = parse(await exchange((s) => s.end("GARBAGE\r\n\r\n")));
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({ error: { code: "MOCK.0400", message: expect.stringContaining("HPE_") } });
    expect(validateError(answer.body).valid).toBe(true);
  });

  it("answers headers over 16 KB with 431 and a JSON error", async () => {
    const answer = parse(await exchange((s) => s.end(`GET / HTTP/1.1\r\nHost: x\r\nX-Big: ${"a".repeat(20_000)}\r\n\r\n`)));
    expect(answer).toMatchObject({ status: 431, body: { error: { code: "MOCK.0431" } } });
  });

  it("writes nothing to a client that reset its connection, and goes on serving", async () => {
    await new Promise<void>((resolve) => {
      const socket = connect(mock.port, "127.0.0.1", () => {
        socket.write("GET / HTTP/1.1\r\n"); // a request begun, so the server is reading when the reset comes
        setTimeout(() => (socket.resetAndDestroy(), resolve()), 50);
      });
    });
    await expect.poll(() => logged, { timeout: 10_000 }).toContain("client error ECONNRESET: closed");
    await stillServes();
  });

  it("maps every client error to the status Node gives it, and socket failures to no answer at all", () => {
    const answer = (code: string) => clientErrorAnswer(Object.assign(new Error(code), { code }))?.status;
    expect(["ERR_HTTP_REQUEST_TIMEOUT", "HPE_HEADER_OVERFLOW", "HPE_CHUNK_EXTENSIONS_OVERFLOW", "HPE_INVALID_METHOD"].map(answer)).toEqual([408, 431, 413, 400]);
    expect(["ECONNRESET", "EPIPE"].map(answer)).toEqual([undefined, undefined]);
  });

  it("gives the client a 408 it can read: status, code and message from the envelope", async () => {
    // A fetch that connects, then lets the timeout pass before sending, as a descheduled process would
    // (the 408 comes after about 0.3 s and closes the connection; the write is only a fallback that makes the test fail).
    const slowFetch = async (request: Request): Promise<Response> => {
      const reply = await exchange((s) => setTimeout(() => s.writable && s.write(`GET ${new URL(request.url).pathname} HTTP/1.1\r\nHost: x\r\n\r\n`), 5_000));
      const { status, headers, body } = parse(reply);
      return new Response(JSON.stringify(body), { status, headers });
    };
    const client = createJobsClient({ service: "ecs", projectId: PROJECT, endpoint: mock.url, auth: { token: "t" }, fetch: slowFetch });
    const error = await client.getJob(JOB.jobId, { retry: false }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(JobsApiError);
    expect(error).toMatchObject({ status: 408, code: "MOCK.0408" });
  });
});

describe("default timeouts", () => {
  it("keeps idle connections 65 s and tells clients so, so that they close them first", async () => {
    const defaults = await startMockServer();
    try {
      const reply = await getJob(defaults.url, JOB.jobId, { Connection: "keep-alive" });
      expect(reply.headers["keep-alive"]).toBe(`timeout=${DEFAULT_MOCK_TIMEOUTS.keepAliveMs / 1000}`);
      expect(DEFAULT_MOCK_TIMEOUTS).toEqual({ headersMs: 60_000, requestMs: 120_000, keepAliveMs: 65_000 });
    } finally {
      await defaults.close();
    }
  });
});
