import { createJobsClient, JobsApiError, type Auth } from "@cloud-jobs/client";
import { SERVICE_NAMES, specDocument, type ServiceName } from "@cloud-jobs/fixtures";
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
const operation = specDocument().paths["/v1/{project_id}/jobs/{job_id}"]!.get!;
const examples = specDocument().components.examples ?? {};
const refName = (ref: string | undefined) => ref?.slice(ref.lastIndexOf("/") + 1) ?? "";
const prefix = (service: ServiceName) => `${service[0]!.toUpperCase()}${service.slice(1)}Job_`;

/** Every JSON error example per status, as `[status, example key, code]`. */
const errorCases = Object.entries(operation.responses)
  .filter(([status]) => Number(status) >= 400)
  .flatMap(([status, response]) => {
    const resolved = response.$ref ? specDocument().components.responses![refName(response.$ref)]! : response;
    return Object.entries(resolved.content?.["application/json"]?.examples ?? {}).map(([key, ref]) => {
      const body = examples[refName(ref.$ref)]!.value as Record<string, any>;
      return [Number(status), key, String(body.error_code ?? body.code ?? body.error?.code)] as const;
    });
  });

const client = (service: ServiceName, prefer: string, auth: Auth = { token: "contract-token" }) =>
  createJobsClient({ service, projectId: PROJECT_ID, endpoint: prism.url, auth, retry: false, fetch: fetchWith({ Prefer: prefer }) });

describe.each(SERVICE_NAMES)("the client against Prism: %s", (service) => {
  const jobExamples = Object.entries(examples).filter(([name]) => name.startsWith(prefix(service)));

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
