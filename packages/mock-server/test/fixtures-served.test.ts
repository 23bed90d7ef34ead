import { fixtures, jobFixtures, validateJob } from "@cloud-jobs/fixtures";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startMockServer, type MockServer } from "../src/index.js";
import { getJob } from "./http.js";

let mock: MockServer;
beforeAll(async () => {
  mock = await startMockServer();
});
afterAll(() => mock.close());

const hostOf = (service: string) => ({ Host: `${service}.eu-de.otc.t-systems.com` });

describe("every fixture is served as recorded", () => {
  it("answers each fixture's job id on its service's host with its status, headers and body", async () => {
    for (const fixture of fixtures) {
      const reply = await getJob(mock.url, fixture.jobId, hostOf(fixture.service));
      const where = `${fixture.service}/${fixture.name}`;
      expect(reply.status, where).toBe(fixture.httpStatus);
      expect(reply.headers["content-type"], where).toBe(fixture.headers["Content-Type"]);
      expect(reply.headers["x-request-id"], where).toBe(fixture.headers["X-Request-Id"]);
      if (fixture.headers["Retry-After"]) expect(reply.headers["retry-after"], where).toBe(fixture.headers["Retry-After"]);
      expect(typeof fixture.body === "string" ? reply.text : reply.json(), where).toEqual(fixture.body);
    }
  });

  it("answers a sub-job's own id with the sub-job, a job of its service", async () => {
    const parent = jobFixtures.find((f) => f.service === "evs" && f.name === "batchCreateVolume-success")!;
    const sub = (parent.body.entities as { sub_jobs: { job_id: string }[] }).sub_jobs[1]!;
    const reply = await getJob(mock.url, sub.job_id, hostOf("evs"));
    expect(reply.json()).toEqual(sub);
    expect(validateJob("evs", reply.json()).valid).toBe(true);
  });

  it("serves a fixture whatever the Host header when the Host names no service", async () => {
    const fixture = jobFixtures.find((f) => f.service === "vbs" && f.name === "bksRestoreBackup-running")!;
    expect((await getJob(mock.url, fixture.jobId, { Host: "localhost:1" })).json()).toEqual(fixture.body);
    expect((await getJob(mock.url, fixture.jobId)).json()).toEqual(fixture.body);
  });

  it("does not answer another service's job on a service's host: 400 Common.0011 in that service's envelope", async () => {
    const ecsJob = jobFixtures.find((f) => f.service === "ecs" && f.name === "createServer-success")!;
    const reply = await getJob(mock.url, ecsJob.jobId, hostOf("vbs"));
    expect([reply.status, reply.json()]).toEqual([400, { error: { message: "Failed to query the task.", code: "common.0011" } }]);
  });
});
