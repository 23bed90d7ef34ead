import { mkdtempSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fixturesOf, validateJob } from "@cloud-jobs/fixtures";
import { startMockServer, type MockServer } from "@cloud-jobs/mock-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { KEYS, manualClock, PROJECT_ID } from "./support/contract.js";

type Sdk = { core: typeof import("@huaweicloud/huaweicloud-sdk-core"); ecs: typeof import("@huaweicloud/huaweicloud-sdk-ecs") };
type ShowJobAnswer = { job_id?: string; status?: string; entities?: unknown; httpStatusCode?: number };

// The official SDK writes ~/.huaweicloud on first use and configures log4js for the whole
// process (printing whole requests on errors): a temporary HOME, and log4js silenced.
const clock = manualClock();
const home = mkdtempSync(join(tmpdir(), "cj-contract-hwsdk-"));
const savedHome = process.env["HOME"];
let sdk: Sdk;
let mock: MockServer;
beforeAll(async () => {
  process.env["HOME"] = home;
  sdk = { core: await import("@huaweicloud/huaweicloud-sdk-core"), ecs: await import("@huaweicloud/huaweicloud-sdk-ecs") };
  const sdkRequire = createRequire(createRequire(import.meta.url).resolve("@huaweicloud/huaweicloud-sdk-core"));
  sdkRequire("log4js").configure({ appenders: { out: { type: "stdout" } }, categories: { default: { appenders: ["out"], level: "off" } } });
  mock = await startMockServer({ service: "ecs", now: clock.now, ...KEYS });
});
afterAll(async () => {
  await mock?.close();
  process.env["HOME"] = savedHome;
  rmSync(home, { recursive: true, force: true });
});

const ecsClient = (secretKey: string = KEYS.secretKey) =>
  sdk.ecs.EcsClient.newBuilder()
    .withCredential(new sdk.core.BasicCredentials().withAk(KEYS.accessKey).withSk(secretKey).withProjectId(PROJECT_ID))
    .withEndpoint(mock.url)
    .build();
// The SDK declares the snake_case fields private but fills them from the JSON as sent: read them as such.
const showJob = (jobId: string, secretKey?: string) =>
  ecsClient(secretKey).showJob(new sdk.ecs.ShowJobRequest(jobId)) as unknown as Promise<ShowJobAnswer>;

describe("the official Huawei Cloud SDK (EcsClient.showJob) against the mock server", () => {
  it("signs requests the mock verifies, and reads job_id, status and entities of every ECS job fixture", async () => {
    const jobs = fixturesOf("ecs").filter((f) => f.kind === "job");
    for (const fixture of jobs) {
      const answer = await showJob(fixture.jobId);
      expect(answer.httpStatusCode, fixture.name).toBe(200);
      expect({ job_id: answer.job_id, status: answer.status, entities: answer.entities }, fixture.name).toEqual({
        job_id: fixture.body.job_id,
        status: fixture.body.status,
        entities: fixture.body.entities,
      });
    }
  });

  it("reads a simulated job as it progresses, every answer valid", async () => {
    const { job_id } = mock.createJob({ service: "ecs", job_type: "createServer", sub_jobs: 2, duration_ms: 10_000 });
    const seen: [string | undefined, number | undefined][] = [];
    for (const step of [0, 5_000, 5_000]) {
      clock.advance(step);
      const { httpStatusCode: _status, ...body } = await showJob(job_id);
      expect(validateJob("ecs", body).valid).toBe(true);
      seen.push([body.status, (body.entities as { sub_jobs_total?: number }).sub_jobs_total]);
    }
    expect(seen).toEqual([["INIT", 0], ["RUNNING", 2], ["SUCCESS", 2]]);
  });

  it("gets the mock's 401 APIGW.0301 when it signs with the wrong secret key", async () => {
    const error = (await showJob(fixturesOf("ecs")[0]!.jobId, "not-the-secret").catch((e: unknown) => e)) as { httpStatusCode?: number; errorCode?: string };
    expect([error.httpStatusCode, error.errorCode]).toEqual([401, "APIGW.0301"]);
  });

  it("gets 400 Common.0011 for an unknown job", async () => {
    const error = (await showJob("0123456789abcdef0123456789abcdef").catch((e: unknown) => e)) as { httpStatusCode?: number; errorCode?: string };
    expect([error.httpStatusCode, error.errorCode]).toEqual([400, "Common.0011"]);
  });
});
