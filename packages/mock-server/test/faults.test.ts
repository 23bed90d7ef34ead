import { getFixture, validateJob } from "@cloud-jobs/fixtures";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FaultSyntaxError, parseFaults, startMockServer, type MockServer } from "../src/index.js";
import { getJob, request } from "./http.js";

const JOB = getFixture("evs", "createVolume-running");
let mock: MockServer;
beforeAll(async () => {
  mock = await startMockServer();
});
afterAll(() => mock.close());

const withFault = (fault: string, host = "evs.eu-de.otc.t-systems.com") => getJob(mock.url, JOB.jobId, { "X-Mock-Fault": fault, Host: host });

describe("X-Mock-Fault injects faults into one request", () => {
  it("429;retry-after=2 answers the service's throttling body with Retry-After", async () => {
    const ecs = await withFault("429;retry-after=2", "ecs.eu-de.otc.t-systems.com");
    expect([ecs.status, ecs.headers["retry-after"], ecs.json().error.code]).toEqual([429, "2", "Common.1503"]);
    const evs = await withFault("429;retry-after=Wed, 21 Oct 2026 07:28:00 GMT");
    expect([evs.status, evs.headers["retry-after"], evs.json().error_code]).toEqual([429, "Wed, 21 Oct 2026 07:28:00 GMT", "APIGW.0308"]);
  });

  it("500 and 502 answer HTML pages; ;json asks for a JSON body instead", async () => {
    for (const status of [500, 502]) {
      const reply = await withFault(String(status));
      expect([reply.status, reply.headers["content-type"]]).toEqual([status, "text/html"]);
      expect(reply.text).toMatch(new RegExp(`^<html>.*${status}`));
    }
    expect((await withFault("500;json")).json().error.code).toBe("EVS.5500");
  });

  it("503 answers the service's JSON body (;html for the gateway's page); 504 the gateway's page", async () => {
    const evs = await withFault("503;retry-after=1");
    expect([evs.status, evs.json().error.code, evs.headers["retry-after"]]).toEqual([503, "EVS.5503", "1"]);
    expect((await withFault("503;html")).headers["content-type"]).toBe("text/html");
    expect((await withFault("504")).status).toBe(504);
  });

  it("truncate sends valid HTTP whose JSON stops half-way", async () => {
    const reply = await withFault("truncate");
    expect(reply.status).toBe(200);
    expect(() => reply.json()).toThrow(SyntaxError);
    expect(JSON.stringify(JOB.body).startsWith(reply.text)).toBe(true);
    expect((await withFault("truncate;bytes=10")).text).toHaveLength(10);
  });

  it("reset drops the connection", async () => {
    await expect(withFault("reset")).rejects.toThrow(/ECONNRESET|socket hang up/);
  });

  it("delay holds the answer back, then answers normally (a later request overtakes it)", async () => {
    const order: string[] = [];
    const slow = withFault("delay=2500").then((r) => order.push(`slow ${r.status}`));
    await getJob(mock.url, JOB.jobId).then((r) => order.push(`fast ${r.status}`));
    await slow;
    expect(order).toEqual(["fast 200", "slow 200"]);
  });

  it("refuses an unknown fault with 400 MOCK.0003 and the syntax", async () => {
    const reply = await withFault("418");
    expect([reply.status, reply.json().error.code]).toEqual([400, "MOCK.0003"]);
    expect(reply.json().error.message).toContain("retry-after");
  });
});

describe("drift=… serves job bodies that break the contract the way a drifting cloud does", () => {
  const drifted = async (fault: string, service: "ecs" | "vbs" | "evs", name: string) => {
    const fixture = getFixture(service, name);
    const reply = await getJob(mock.url, fixture.jobId, { "X-Mock-Fault": fault, Host: `${service}.eu-de.otc.t-systems.com` });
    const result = validateJob(service, reply.json());
    return { reply, body: reply.json(), fixture, paths: result.valid ? [] : result.errors.map((e) => e.path) };
  };

  it("status: a numeric status; rename: jobType for job_type; string: a number as a string; sub-jobs: moved", async () => {
    const status = await drifted("drift=status", "evs", "createVolume-running");
    expect([status.reply.status, status.body.status, status.paths]).toEqual([200, 2, ["$.status"]]);
    const rename = await drifted("drift=rename", "evs", "createVolume-running");
    expect([rename.body.jobType, "job_type" in rename.body, rename.paths]).toEqual(["createVolume", false, ["$.job_type"]]);
    const string = await drifted("drift=string", "ecs", "createServer-running");
    expect([typeof string.body.entities.sub_jobs_total, string.paths]).toEqual(["string", ["$.entities.sub_jobs_total"]]);
    const moved = await drifted("drift=sub-jobs", "vbs", "bksRestoreBackup-running");
    expect(["sub_jobs" in moved.body, moved.body.entities.sub_jobs, moved.paths]).toEqual([false, (moved.fixture.body as { sub_jobs: unknown }).sub_jobs, ["$.entities.sub_jobs"]]);
  });

  it("leaves error answers alone and refuses a drift it does not know", async () => {
    expect((await getJob(mock.url, "ff80808288d41e1b0189902609556000", { "X-Mock-Fault": "drift=status" })).status).toBe(400);
    expect(() => parseFaults("drift=everything")).toThrow(FaultSyntaxError);
  });
});

describe("POST /mock/faults injects faults server-wide", () => {
  it("applies a limited rule to the next N job requests, then expires", async () => {
    const created = await request(`${mock.url}/mock/faults`, { method: "POST", body: JSON.stringify({ fault: "503", times: 2 }) });
    expect(created.status).toBe(201);
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await getJob(mock.url, JOB.jobId)).status);
    expect(statuses).toEqual([503, 503, 200]);
    expect((await request(`${mock.url}/mock/faults`)).json()).toEqual([]);
  });

  it("limits a rule to one service or job id, and DELETE clears every rule", async () => {
    mock.addFault({ fault: "429", job_id: JOB.jobId });
    mock.addFault({ fault: "502", service: "vbs" });
    const other = getFixture("ecs", "createServer-success").jobId;
    expect((await getJob(mock.url, JOB.jobId)).status).toBe(429);
    expect((await getJob(mock.url, other)).status).toBe(200);
    expect((await getJob(mock.url, other, { Host: "vbs.eu-de.otc.t-systems.com" })).status).toBe(502);
    expect((await request(`${mock.url}/mock/faults`, { method: "DELETE" })).status).toBe(204);
    expect((await getJob(mock.url, JOB.jobId)).status).toBe(200);
  });

  it("refuses a bad rule with 400", async () => {
    for (const body of [{ fault: "teapot" }, { fault: "503", times: 0 }, { fault: "503", service: "rds" }, { fault: 503 }, { fault: "503", when: "now" }]) {
      const reply = await request(`${mock.url}/mock/faults`, { method: "POST", body: JSON.stringify(body) });
      expect([reply.status, reply.json().error.code], JSON.stringify(body)).toEqual([400, "MOCK.0003"]);
    }
  });
});

it("ends pending delays when the server closes, without hanging", async () => {
  const server = await startMockServer();
  const pending = getJob(server.url, JOB.jobId, { "X-Mock-Fault": "delay=60000" }).then(
    () => "answered",
    () => "dropped",
  );
  await new Promise((r) => setTimeout(r, 100));
  await server.close();
  expect(await pending).toBe("dropped");
});

describe("parseFaults", () => {
  it("reads status faults with their defaults and parameters", () => {
    expect(parseFaults("429;retry-after=2")).toEqual([{ kind: "status", status: 429, retryAfter: "2", format: "json" }]);
    expect(parseFaults("502")).toEqual([{ kind: "status", status: 502, format: "html" }]);
    expect(parseFaults("503;HTML")).toEqual([{ kind: "status", status: 503, format: "html" }]);
  });

  it("reads a list: delays, then the fault that decides, commas in an HTTP date kept", () => {
    expect(parseFaults("delay=250, 429;retry-after=Wed, 21 Oct 2026 07:28:00 GMT")).toEqual([
      { kind: "delay", ms: 250 },
      { kind: "status", status: 429, retryAfter: "Wed, 21 Oct 2026 07:28:00 GMT", format: "json" },
    ]);
    expect(parseFaults("delay;ms=5,reset")).toEqual([{ kind: "delay", ms: 5 }, { kind: "reset" }]);
    expect(parseFaults("truncate;bytes=3")).toEqual([{ kind: "truncate", bytes: 3 }]);
  });

  it.each(["", "418", "delay", "delay=-1", "delay=600000", "reset;now", "429;retry-after", "truncate;bytes=x", "1,2,3,4,5,6", "429=1"])(
    "refuses %j with a FaultSyntaxError",
    (input) => {
      expect(() => parseFaults(input)).toThrow(FaultSyntaxError);
    },
  );
});
