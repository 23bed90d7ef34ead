import { signRequest } from "@cloud-jobs/client/signer";
import { getFixture, validateError } from "@cloud-jobs/fixtures";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startMockServer, type MockServer } from "../src/index.js";
import { getJob, PROJECT, request } from "./http.js";

const AK = "MOCKAKMOCKAKMOCKAK00";
const SK = "mockSecretKeymockSecretKey0000000000000";
const JOB = getFixture("ecs", "createServer-running").jobId;
let mock: MockServer;
beforeAll(async () => {
  mock = await startMockServer({ accessKey: AK, secretKey: SK });
});
afterAll(() => mock.close());

async function signedGet(path: string, secretKey: string, extra: Record<string, string> = {}) {
  const url = `${mock.url}${path}`;
  const headers = { Host: new URL(url).host, "X-Project-Id": PROJECT, ...extra };
  const signed = await signRequest({ method: "GET", url, headers }, { accessKey: AK, secretKey });
  return request(url, { headers: { ...headers, ...signed.headers } });
}

describe("bad requests are answered like the real API", () => {
  it.each([
    ["ecs", { error: { message: "Failed to query system tasks.", code: "Common.0011" } }],
    ["bms", { code: "Common.0011", message: "Failed to query system tasks." }],
    ["evs", { error: { message: "query job fail.", code: "Common.0011" } }],
    ["vbs", { error: { message: "Failed to query the task.", code: "common.0011" } }],
  ])("an unknown job on %s is 400 Common.0011 in that service's envelope", async (service, body) => {
    const reply = await getJob(mock.url, "0123456789abcdef0123456789abcdef", { Host: `${service}.eu-nl.otc.t-systems.com` });
    expect([reply.status, reply.json()]).toEqual([400, body]);
  });

  it("answers a job id that is not an id at all (even percent-garbage) with Common.0011", async () => {
    for (const id of ["not-a-job", "%E0%A4%A", "..%2F..%2Fetc"]) expect((await getJob(mock.url, id)).status).toBe(400);
  });

  it("answers a malformed project id with 400 Common.0018", async () => {
    const reply = await request(`${mock.url}/v1/NOT-A-PROJECT/jobs/${JOB}`, { headers: { "X-Auth-Token": "t" } });
    expect([reply.status, reply.json().error.code]).toEqual([400, "Common.0018"]);
  });

  it("answers a request without credentials with 401 and a documented body", async () => {
    const reply = await request(`${mock.url}/v1/${PROJECT}/jobs/${JOB}`, { headers: { Host: "evs.eu-de.otc.t-systems.com" } });
    expect([reply.status, reply.json()]).toEqual([401, { error: { message: "Authentication failed.", code: "EVS.5401" } }]);
    expect(validateError(reply.json()).valid).toBe(true);
  });

  it("accepts a request signed with the server's key pair (SDK-HMAC-SHA256)", async () => {
    const reply = await signedGet(`/v1/${PROJECT}/jobs/${JOB}`, SK);
    expect([reply.status, reply.json().job_id]).toEqual([200, JOB]);
  });

  it("refuses a wrong secret key, and a signed request whose path was changed, with 401 APIGW.0301", async () => {
    const wrongKey = await signedGet(`/v1/${PROJECT}/jobs/${JOB}`, `${SK}x`);
    expect([wrongKey.status, wrongKey.json().error_code]).toEqual([401, "APIGW.0301"]);
    const url = `${mock.url}/v1/${PROJECT}/jobs/${JOB}`;
    const signed = await signRequest({ method: "GET", url, headers: { Host: new URL(url).host } }, { accessKey: AK, secretKey: SK });
    const moved = await request(url.replace(JOB, "0".repeat(32)), { headers: { Host: new URL(url).host, ...signed.headers } });
    expect([moved.status, moved.json().error_code]).toEqual([401, "APIGW.0301"]);
  });

  it("refuses a signature dated outside the allowed clock skew", async () => {
    const reply = await signedGet(`/v1/${PROJECT}/jobs/${JOB}`, SK, { "X-Sdk-Date": "20200101T000000Z" });
    expect(reply.status).toBe(401);
  });

  it("refuses another token when started with one", async () => {
    const strict = await startMockServer({ token: "right" });
    try {
      expect((await getJob(strict.url, JOB, { "X-Auth-Token": "wrong" })).status).toBe(401);
      expect((await getJob(strict.url, JOB, { "X-Auth-Token": "right" })).status).toBe(200);
    } finally {
      await strict.close();
    }
  });

  it("answers unknown paths and other methods like the gateway: 404 APIGW.0101", async () => {
    for (const [method, path] of [["GET", "/"], ["GET", "/v2/x/jobs/y"], ["DELETE", `/v1/${PROJECT}/jobs/${JOB}`], ["GET", `/v1/${PROJECT}/jobs`]]) {
      const reply = await request(`${mock.url}${path}`, { method: method!, headers: { "X-Auth-Token": "t" } });
      expect([reply.status, reply.json().error_code], `${method} ${path}`).toEqual([404, "APIGW.0101"]);
    }
  });
});
