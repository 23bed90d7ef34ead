import { createJobsClient, JobsApiError, type Auth } from "@cloud-jobs/client";
import { fixturesOf, SERVICE_NAMES, type ServiceName } from "@cloud-jobs/fixtures";
import { startMockServer, type MockServer } from "@cloud-jobs/mock-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectedCode, KEYS, PROJECT_ID } from "./support/contract.js";

// One mock per service: fetch cannot set Host, so each mock is told which service it stands for.
const mocks = new Map<ServiceName, MockServer>();
beforeAll(async () => {
  for (const service of SERVICE_NAMES) mocks.set(service, await startMockServer({ service, ...KEYS }));
});
afterAll(() => Promise.all([...mocks.values()].map((m) => m.close())));

const AUTHS: readonly [string, Auth][] = [
  ["a token", { token: "contract-token" }],
  ["an AK/SK signature", KEYS],
];

describe.each(SERVICE_NAMES)("the client against the mock server: %s", (service) => {
  const client = (auth: Auth) => createJobsClient({ service, projectId: PROJECT_ID, endpoint: mocks.get(service)!.url, auth, retry: false });

  it.each(AUTHS)("returns every job fixture exactly, authenticated with %s", async (_, auth) => {
    const jobs = fixturesOf(service).filter((f) => f.kind === "job");
    expect(jobs.length).toBeGreaterThan(10);
    for (const fixture of jobs) expect(await client(auth).getJob(fixture.jobId), fixture.name).toEqual(fixture.body);
  });

  it.each(AUTHS)("turns every error fixture into a JobsApiError with its status, code and request id (%s)", async (_, auth) => {
    const errors = fixturesOf(service).filter((f) => f.kind === "error");
    expect(errors.length).toBeGreaterThan(3);
    for (const fixture of errors) {
      const error = await client(auth).getJob(fixture.jobId).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error, fixture.name).toBeInstanceOf(JobsApiError);
      const e = error as JobsApiError;
      expect([e.status, e.code, e.requestId, e.service], fixture.name).toEqual([fixture.httpStatus, expectedCode(fixture), fixture.headers["X-Request-Id"], service]);
      expect(e.retryable, fixture.name).toBe([202, 429, 502, 503, 504].includes(fixture.httpStatus) || /1503|0308|0024/.test(e.code));
      if (fixture.headers["Retry-After"]) expect(e.retryAfterMs, fixture.name).toBe(Number(fixture.headers["Retry-After"]) * 1000);
    }
  });

  it("gets 400 Common.0011 for an unknown job, and 401 APIGW.0301 for a wrong secret key", async () => {
    await expect(client({ token: "t" }).getJob("0123456789abcdef0123456789abcdef")).rejects.toMatchObject({ status: 400, code: expect.stringMatching(/^common\.0011$/i) });
    await expect(client({ ...KEYS, secretKey: "wrong" }).getJob("0123456789abcdef0123456789abcdef")).rejects.toMatchObject({ status: 401, code: "APIGW.0301" });
  });
});
