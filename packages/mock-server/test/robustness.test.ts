import { connect } from "node:net";
import { getFixture } from "@cloud-jobs/fixtures";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startMockServer, type MockServer } from "../src/index.js";
import { getJob, PROJECT, request } from "./http.js";

const JOB = getFixture("bms", "baremetalBatchCreate-success");
const logged: string[] = [];
let mock: MockServer;
beforeAll(async () => {
  mock = await startMockServer({ log: (line) => logged.push(line) });
});
afterAll(() => mock.close());

/** Sends raw bytes and returns whatever comes back before the server closes the socket. */
function raw(text: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(mock.port, "127.0.0.1", () => socket.end(text));
    let reply = "";
    socket.on("data", (d) => (reply += d.toString("latin1")));
    socket.on("close", () => resolve(reply));
    socket.on("error", reject);
  });
}

const stillServes = async (): Promise<void> => {
  expect((await getJob(mock.url, JOB.jobId, { Host: "bms.example" })).json()).toEqual(JOB.body);
};

describe("the mock survives bad clients", () => {
  it("answers malformed requests with 400 and keeps serving", async () => {
    for (const junk of ["GARBAGE\r\n\r\n", "GET / HTTP/9.9\r\n\r\n", "\u0000\u0001\u0002\r\n\r\n", "GET /v1 HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\n\r\n"]) {
      expect(await raw(junk)).toMatch(/^HTTP\/1\.1 400/);
    }
    await stillServes();
  });

  it("answers huge headers with 431 and keeps serving", async () => {
    const reply = await raw(`GET /v1/${PROJECT}/jobs/${JOB.jobId} HTTP/1.1\r\nHost: x\r\nX-Big: ${"a".repeat(64 * 1024)}\r\n\r\n`);
    expect(reply).toMatch(/^HTTP\/1\.1 431/);
    await stillServes();
  });

  it("answers odd request targets without crashing", async () => {
    for (const target of ["*", "//", "/%", `/v1/${PROJECT}/jobs/${"%ZZ".repeat(100)}`, "/mock/", "/mock/jobs/../../etc/passwd", `/v1/${PROJECT}/jobs/${"a".repeat(8000)}`]) {
      const reply = await raw(`GET ${target} HTTP/1.1\r\nHost: x\r\nX-Auth-Token: t\r\nConnection: close\r\n\r\n`);
      expect(reply, target).toMatch(/^HTTP\/1\.1 (400|404)/);
    }
    await stillServes();
  });

  it("stays up under a flood of mixed requests on loopback", async () => {
    const kinds = [
      () => getJob(mock.url, JOB.jobId),
      () => getJob(mock.url, "f".repeat(32)),
      () => request(`${mock.url}/nope`),
      () => request(`${mock.url}/mock/jobs`, { method: "POST", body: '{"service":"evs","duration_ms":0}' }),
      () => getJob(mock.url, JOB.jobId, { "X-Mock-Fault": "reset" }).catch(() => ({ status: 0 })),
      () => raw("BAD\r\n\r\n").then(() => ({ status: 400 })),
    ];
    let next = 0;
    const statuses = new Map<number, number>();
    const worker = async (): Promise<void> => {
      while (next < 1200) {
        const { status } = await kinds[next++ % kinds.length]!();
        statuses.set(status, (statuses.get(status) ?? 0) + 1);
      }
    };
    await Promise.all(Array.from({ length: 40 }, worker));
    expect([...statuses.keys()].sort()).toEqual([0, 200, 201, 400, 404]);
    expect(logged.filter((line) => line.startsWith("internal error"))).toEqual([]);
    await stillServes();
  });
});
