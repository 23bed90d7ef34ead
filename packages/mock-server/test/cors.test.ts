import { getFixture } from "@cloud-jobs/fixtures";
import { afterEach, describe, expect, it } from "vitest";
import { MockOptionsError, runMockCli, startMockServer, type MockServer, type MockServerOptions } from "../src/index.js";
import { PROJECT, getJob, request } from "./http.js";

const job = getFixture("evs", "createVolume-success");
const ORIGIN = { Origin: "http://127.0.0.1:5173" };

function preflight(url: string, method = "GET", headers = "authorization,x-sdk-date,x-project-id") {
  return request(url, { method: "OPTIONS", headers: { ...ORIGIN, "Access-Control-Request-Method": method, "Access-Control-Request-Headers": headers } });
}

describe("CORS", () => {
  let mock: MockServer | undefined;
  afterEach(async () => {
    await mock?.close();
    mock = undefined;
  });

  it("is off by default: a preflight gets the gateway's answer and no Access-Control headers", async () => {
    mock = await startMockServer();
    const reply = await preflight(`${mock.url}/v1/${PROJECT}/jobs/${job.jobId}`);
    expect(reply.status).not.toBe(204);
    expect(reply.headers["access-control-allow-origin"]).toBeUndefined();
    expect((await getJob(mock.url, job.jobId, ORIGIN)).headers["access-control-allow-origin"]).toBeUndefined();
  });

  it("with cors: true answers a signed GET's preflight with what it asked for", async () => {
    mock = await startMockServer({ cors: true, accessKey: "AK", secretKey: "SK" });
    const reply = await preflight(`${mock.url}/v1/${PROJECT}/jobs/${job.jobId}`);
    expect(reply.status).toBe(204);
    expect(reply.text).toBe("");
    expect(reply.headers["access-control-allow-origin"]).toBe("*");
    expect(reply.headers["access-control-allow-methods"]).toContain("GET");
    expect(reply.headers["access-control-allow-headers"]).toBe("authorization,x-sdk-date,x-project-id");
  });

  it("with cors: true lets any origin read every answer and its headers, errors and control routes included", async () => {
    mock = await startMockServer({ cors: true });
    const ok = await getJob(mock.url, job.jobId, ORIGIN);
    expect(ok.json()).toEqual(job.body);
    expect(ok.headers["access-control-allow-origin"]).toBe("*");
    expect(ok.headers["access-control-expose-headers"]).toBe("*");
    const refused = await request(`${mock.url}/v1/${PROJECT}/jobs/${job.jobId}`, { headers: ORIGIN });
    expect(refused.status).toBe(401);
    expect(refused.headers["access-control-allow-origin"]).toBe("*");
    expect((await preflight(`${mock.url}/mock/jobs`, "POST", "content-type")).status).toBe(204);
    const body = JSON.stringify({ service: "evs", job_type: "createVolume", duration_ms: 10 });
    const created = await request(`${mock.url}/mock/jobs`, { method: "POST", headers: { ...ORIGIN, "Content-Type": "application/json" }, body });
    expect(created.status).toBe(201);
    expect(created.headers["access-control-allow-origin"]).toBe("*");
  });

  it("an OPTIONS without Access-Control-Request-Method is not a preflight", async () => {
    mock = await startMockServer({ cors: true });
    const reply = await request(`${mock.url}/v1/${PROJECT}/jobs/${job.jobId}`, { method: "OPTIONS", headers: ORIGIN });
    expect(reply.status).toBe(404);
    expect(reply.headers["access-control-allow-origin"]).toBe("*");
  });

  it("refuses a cors option that is not a boolean", async () => {
    const error = await startMockServer({ cors: "yes" } as unknown as MockServerOptions).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MockOptionsError);
    expect((error as MockOptionsError).option).toBe("cors");
  });

  it("cloud-jobs-mock --cors turns it on, and --help lists the flag", async () => {
    const out: string[] = [];
    const io = { stdout: { write: (t: string) => out.push(t) }, stderr: { write: (t: string) => out.push(t) } };
    expect(await runMockCli(["--help"], io)).toBe(0);
    expect(out.join("")).toContain("--cors");
    const stop = new AbortController();
    let server: MockServer | undefined;
    const exit = runMockCli(["--port=0", "--cors", "--quiet"], { ...io, signal: stop.signal, onListening: (s) => (server = s) });
    await expect.poll(() => server).toBeDefined();
    expect((await preflight(`${server!.url}/v1/${PROJECT}/jobs/${job.jobId}`)).status).toBe(204);
    stop.abort();
    expect(await exit).toBe(0);
  });
});
