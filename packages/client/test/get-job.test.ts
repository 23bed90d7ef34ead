import { afterEach, describe, expect, it, vi } from "vitest";
import { createJobsClient, isKnownJobType, type EvsJob } from "../src/index.js";
import { EVS_RUNNING, JOB_ID, PROJECT_ID, json, scriptedFetch, signatureMatches } from "./helpers.js";

const base = { service: "evs" as const, projectId: PROJECT_ID, endpoint: "https://evs.eu-de.otc.t-systems.com", retry: { random: () => 0 } };

afterEach(() => {
  vi.useRealTimers();
});

describe("getJob with token auth", () => {
  it("sends GET /v1/{project_id}/jobs/{job_id} with X-Auth-Token and returns the job", async () => {
    const fetch = scriptedFetch(() => json(EVS_RUNNING));
    const client = createJobsClient({ ...base, auth: { token: "iam-token-value" }, fetch });
    const job: EvsJob = await client.getJob(JOB_ID);
    expect(job).toEqual(EVS_RUNNING);
    const [request] = fetch.requests;
    expect(request?.method).toBe("GET");
    expect(request?.url).toBe(`https://evs.eu-de.otc.t-systems.com/v1/${PROJECT_ID}/jobs/${JOB_ID}`);
    expect(request?.headers.get("x-auth-token")).toBe("iam-token-value");
    expect(request?.headers.get("accept")).toBe("application/json");
    expect(request?.headers.get("authorization")).toBeNull();
    expect(isKnownJobType(job)).toBe(true);
  });

  it("builds the URL from region and cloud", async () => {
    const fetch = scriptedFetch(() => json({ ...EVS_RUNNING, job_type: "createServer" }));
    const client = createJobsClient({ service: "ecs", projectId: PROJECT_ID, region: "cn-north-4", cloud: "huaweicloud", auth: { token: "t0ken" }, fetch });
    await client.getJob(JOB_ID);
    expect(fetch.requests[0]?.url).toBe(`https://ecs.cn-north-4.myhuaweicloud.com/v1/${PROJECT_ID}/jobs/${JOB_ID}`);
    expect(client.endpoint).toBe("https://ecs.cn-north-4.myhuaweicloud.com");
  });

  it("hands out unknown job types as jobs", async () => {
    const client = createJobsClient({ ...base, auth: { token: "t0ken" }, fetch: scriptedFetch(() => json({ ...EVS_RUNNING, job_type: "snapshotVolume" })) });
    const job = await client.getJob(JOB_ID);
    expect(isKnownJobType(job)).toBe(false);
    expect(job.job_type).toBe("snapshotVolume");
  });
});

describe("getJob with AK/SK auth", () => {
  it("signs X-Project-Id, X-Sdk-Date, Host and X-Security-Token so the server can verify it", async () => {
    const fetch = scriptedFetch(() => json(EVS_RUNNING));
    const auth = { accessKey: "EXAMPLEAKEXAMPLEAK00", secretKey: "exampleSecretKeyexampleSecretKey00000000", securityToken: "sts-token-1" };
    await createJobsClient({ ...base, auth, fetch }).getJob(JOB_ID);
    const request = fetch.requests[0]!;
    expect(request.headers.get("x-project-id")).toBe(PROJECT_ID);
    expect(request.headers.get("x-security-token")).toBe("sts-token-1");
    expect(request.headers.get("host")).toBeNull(); // fetch sends the URL's host, which is what was signed
    expect(request.headers.get("authorization")).toMatch(
      /^SDK-HMAC-SHA256 Access=EXAMPLEAKEXAMPLEAK00, SignedHeaders=accept;host;x-project-id;x-sdk-date;x-security-token, Signature=[0-9a-f]{64}$/,
    );
    const received = Object.fromEntries([...request.headers, ["host", new URL(request.url).host]]);
    expect(await signatureMatches({ method: "GET", url: request.url, headers: received }, auth)).toBe(true);
    expect(await signatureMatches({ method: "GET", url: request.url, headers: { ...received, "x-project-id": "other" } }, auth)).toBe(false);
    expect([...request.headers].some(([, value]) => value.includes(auth.secretKey))).toBe(false);
  });
});

describe("input checks", () => {
  it.each(["../x", "a?b", "a#b", "a%2Fb", " a", "", "a".repeat(65)])("rejects job id %j before sending anything", async (jobId) => {
    const fetch = scriptedFetch(() => json(EVS_RUNNING));
    await expect(createJobsClient({ ...base, auth: { token: "t0ken" }, fetch }).getJob(jobId)).rejects.toMatchObject({
      name: "InvalidArgumentError",
      argument: "jobId",
    });
    expect(fetch.requests).toHaveLength(0);
  });

  it.each([
    [{ service: "rds" }, "service"],
    [{ projectId: "../p" }, "projectId"],
    [{ auth: { token: "" } }, "auth.token"],
    [{ auth: { token: "line\nbreak" } }, "auth.token"],
    [{ auth: { accessKey: "AK", secretKey: "" } }, "auth.secretKey"],
    [{ auth: { accessKey: "A K", secretKey: "s" } }, "auth.accessKey"],
    [{ timeoutMs: 0 }, "timeoutMs"],
    [{ retry: { maxAttempts: 0 } }, "retry.maxAttempts"],
    [{ fetch: "no" }, "fetch"],
  ])("rejects option %j when the client is created", (override, argument) => {
    expect(() => createJobsClient({ ...base, auth: { token: "t0ken" }, ...(override as object) } as never)).toThrowError(
      expect.objectContaining({ name: "InvalidArgumentError", argument }),
    );
  });
});

describe("answers that are not a job", () => {
  it.each([
    ["a body that is not JSON", () => new Response("<html>ok</html>", { status: 200 })],
    ["an empty body", () => new Response(null, { status: 200 })],
    ["JSON that is not a job", () => json({ job_id: 1, job_type: "x", status: "SUCCESS" })],
    ["a JSON array", () => json([EVS_RUNNING])],
  ])("turns a 200 with %s into INVALID_RESPONSE", async (detail, answer) => {
    const client = createJobsClient({ ...base, auth: { token: "t0ken" }, fetch: scriptedFetch(answer) });
    const error = await client.getJob(JOB_ID).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: "JobsApiError", code: "INVALID_RESPONSE", status: 200, retryable: false });
    expect((error as Error).message).toContain(detail.replace("a JSON array", "JSON that is not a job"));
  });

  it("refuses to follow a redirect", async () => {
    const fetch = scriptedFetch(() => new Response(null, { status: 302, headers: { location: "https://elsewhere.example/" } }));
    await expect(createJobsClient({ ...base, auth: { token: "t0ken" }, fetch }).getJob(JOB_ID)).rejects.toMatchObject({
      code: "HTTP_302",
      retryable: false,
    });
    expect(fetch.requests[0]?.redirect).toBe("manual");
  });

  it("refuses a browser's opaque redirect as INVALID_RESPONSE", async () => {
    const opaque = { type: "opaqueredirect", status: 0, ok: false, headers: new Headers(), body: null } as unknown as Response;
    await expect(createJobsClient({ ...base, auth: { token: "t0ken" }, fetch: async () => opaque }).getJob(JOB_ID)).rejects.toMatchObject({
      code: "INVALID_RESPONSE",
      status: undefined,
    });
  });

  it("normalises an API error and does not retry it", async () => {
    const fetch = scriptedFetch(() => json({ error: { code: "Common.0011", message: "query job fail." } }, 400, { "X-Request-Id": "r-1" }));
    await expect(createJobsClient({ ...base, auth: { token: "t0ken" }, fetch }).getJob(JOB_ID)).rejects.toMatchObject({
      code: "Common.0011",
      status: 400,
      requestId: "r-1",
      service: "evs",
    });
    expect(fetch.requests).toHaveLength(1);
  });
});
