// Property: whatever a server (or a broken fetch) does, getJob resolves to a job or
// rejects with a named error — never a TypeError, SyntaxError or unhandled rejection.
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { InvalidArgumentError, JobsApiError, createJobsClient, type FetchLike } from "../src/index.js";
import { answer, service, type Answer } from "./arbitraries.js";
import { JOB_ID, PROJECT_ID } from "./helpers.js";

const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown): void => void unhandled.push(reason);
beforeAll(() => void process.on("unhandledRejection", onUnhandled));
afterAll(() => void process.off("unhandledRejection", onUnhandled));

describe("getJob under random answers", () => {
  it("always resolves to a job or rejects with JobsApiError / InvalidArgumentError", async () => {
    const seen = new Map<string, number>();
    const count = (kind: string): void => void seen.set(kind, (seen.get(kind) ?? 0) + 1);
    await fc.assert(
      fc.asyncProperty(service, fc.array(answer, { minLength: 1, maxLength: 2 }), async (svc, answers) => {
        let call = 0;
        const fetch: FetchLike = async () => (answers[Math.min(call++, answers.length - 1)] as Answer)() as Response;
        const client = createJobsClient({
          service: svc,
          projectId: PROJECT_ID,
          endpoint: "http://127.0.0.1:9",
          auth: { token: "prop-token-0000" },
          fetch,
          retry: { maxAttempts: 2, baseDelayMs: 0, maxRetryAfterMs: 0 },
        });
        const outcome = await client.getJob(JOB_ID).then(
          (value) => ({ value }),
          (error: unknown) => ({ error }),
        );
        // Plain checks rather than expect(): they run 10 000 times.
        if ("value" in outcome) {
          const j = outcome.value as unknown as Record<string, unknown>;
          if (typeof j.job_id !== "string" || typeof j.job_type !== "string" || typeof j.status !== "string") {
            throw new Error(`resolved with something that is not a job: ${JSON.stringify(j).slice(0, 200)}`);
          }
          return count("job");
        }
        const { error } = outcome;
        if (!(error instanceof JobsApiError || error instanceof InvalidArgumentError)) throw error;
        if (error instanceof JobsApiError && (error.code === "" || error.message.includes("prop-token-0000"))) {
          throw new Error(`bad JobsApiError: ${JSON.stringify(error)}`);
        }
        const own = ["NETWORK_ERROR", "TIMEOUT", "INVALID_RESPONSE"];
        count(!(error instanceof JobsApiError) ? error.name : error.code.startsWith("HTTP_") ? "HTTP_" : own.includes(error.code) ? error.code : "API code");
      }),
      { numRuns: 10_000 },
    );
    expect(unhandled).toEqual([]);
    // The generators must keep reaching every kind of outcome, or the property proves little.
    for (const kind of ["job", "API code", "HTTP_", "INVALID_RESPONSE", "NETWORK_ERROR"]) expect(seen.get(kind) ?? 0).toBeGreaterThan(100);
  });
});
