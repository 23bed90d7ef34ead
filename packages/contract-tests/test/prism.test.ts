import { createJobsClient, JobsApiError, type Auth } from "@cloud-jobs/client";
import { catalogue, SERVICE_NAMES, type ServiceName } from "@cloud-jobs/spec/catalogue";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fetchWith, KEYS, PROJECT_ID } from "./support/contract.js";
import { startPrism, type Prism } from "./support/prism.js";

// A mock written by someone else: Prism serves the contract's own examples, so the client is
// checked against the spec without our mock server in between.
let prism: Prism;
beforeAll(async () => {
  prism = await startPrism();
});
afterAll(() => prism?.close());

const JOB_ID = "ff808081690a6671019caeb00a991c02";
/** Every JSON error example per status, as `[status, example key, code]`. */
const errorCases = catalogue.errors.flatMap(({ status, examples }) => examples.map(({ name, code }) => [status, name, code] as const));

const client = (service: ServiceName, prefer: string, auth: Auth = { token: "contract-token" }) =>
  createJobsClient({ service, projectId: PROJECT_ID, endpoint: prism.url, auth, retry: false, fetch: fetchWith({ Prefer: prefer }) });

describe.each(SERVICE_NAMES)("the client against Prism: %s", (service) => {
  const jobExamples = catalogue.services[service].examples.map(({ name, value }) => [name, { value }] as const);

  it("returns every 200 example of the service exactly", async () => {
    expect(jobExamples.length).toBeGreaterThan(3);
    for (const [name, example] of jobExamples) expect(await client(service, `example=${name}`).getJob(JOB_ID), name).toEqual(example.value);
  });

  it("turns every documented error example into a JobsApiError with its status and code", async () => {
    expect(errorCases.length).toBeGreaterThan(10);
    for (const [status, key, code] of errorCases) {
      const error = await client(service, `code=${status}, example=${key}`).getJob(JOB_ID).catch((e: unknown) => e);
      expect(error, key).toBeInstanceOf(JobsApiError);
      expect([(error as JobsApiError).status, (error as JobsApiError).code], key).toEqual([status, code]);
    }
  });
});

describe("Prism enforces the contract's security schemes", () => {
  it("accepts an AK/SK-signed request (the Authorization header)", async () => {
    const job = await client("ecs", "example=EcsJob_success", KEYS).getJob(JOB_ID);
    expect(job.job_type).toBe("createServer");
  });

  it("refuses a request with neither token nor signature with 401", async () => {
    const response = await fetch(`${prism.url}/v1/${PROJECT_ID}/jobs/${JOB_ID}`);
    expect(response.status).toBe(401);
  });
});
