// Property: whatever a server (or a broken fetch) does, getJob resolves to a job or
// rejects with a named error — never a TypeError, SyntaxError or unhandled rejection.
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  InvalidArgumentError,
  JOB_STATUSES,
  JobsApiError,
  KNOWN_JOB_TYPES,
  SERVICE_NAMES,
  createJobsClient,
  type FetchLike,
} from "../src/index.js";
import { JOB_ID, PROJECT_ID } from "./helpers.js";

const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown): void => void unhandled.push(reason);
beforeAll(() => void process.on("unhandledRejection", onUnhandled));
afterAll(() => void process.off("unhandledRejection", onUnhandled));

const hex32 = fc.stringMatching(/^[0-9a-f]{32}$/);
const time = fc.oneof(fc.constant(""), fc.constant(null), fc.date({ noInvalidDate: true }).map((d) => d.toISOString()), fc.string());
const service = fc.constantFrom(...SERVICE_NAMES);
const jobType = service.chain((s) => fc.oneof(fc.constantFrom(...KNOWN_JOB_TYPES[s]), fc.string({ minLength: 1 })));
const status = service.chain((s) => fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...JOB_STATUSES[s]) }, fc.string()));

const baseJob = fc.record(
  {
    job_id: hex32,
    job_type: jobType,
    status,
    begin_time: time,
    end_time: time,
    error_code: fc.option(fc.string(), { nil: null }),
    fail_reason: fc.option(fc.string(), { nil: null }),
    entities: fc.oneof(
      fc.record({ server_id: fc.uuid(), nic_id: fc.uuid(), errorcode_message: fc.string() }, { requiredKeys: [] }),
      fc.record({ volume_id: fc.uuid(), size: fc.nat(), volume_type: fc.constantFrom("SATA", "SSD") }, { requiredKeys: [] }),
      fc.dictionary(fc.string(), fc.string()),
      fc.jsonValue(),
    ),
  },
  { requiredKeys: ["job_id", "job_type", "status"] },
);
// Sub-jobs inside entities (ECS/BMS/EVS) or at the top level (VBS), with ECS/BMS sub_jobs_total.
const job = fc
  .tuple(baseJob, fc.array(baseJob, { maxLength: 4 }), fc.constantFrom("entities", "top", "none"), fc.option(fc.integer(), { nil: undefined }))
  .map(([parent, subs, where, total]) =>
    where === "entities"
      ? { ...parent, entities: { sub_jobs: subs, ...(total === undefined ? {} : { sub_jobs_total: total }) } }
      : where === "top"
        ? { ...parent, sub_jobs: subs }
        : parent,
  );
const wrongJob = fc
  .tuple(job, fc.constantFrom("job_id", "job_type", "status"), fc.oneof(fc.integer(), fc.constant(null), fc.array(fc.string()), fc.object()))
  .map(([j, key, value]) => ({ ...j, [key]: value }));

const envelope = fc.oneof(
  fc.record({ error: fc.record({ code: fc.oneof(fc.string(), fc.integer(), fc.constant(null)), message: fc.jsonValue() }, { requiredKeys: [] }) }),
  fc.record({ code: fc.jsonValue(), message: fc.jsonValue() }, { requiredKeys: [] }),
  fc.record({ error_code: fc.jsonValue(), error_msg: fc.jsonValue(), request_id: fc.jsonValue() }, { requiredKeys: [] }),
);

function hugeStream(megabytes: number): ReadableStream<Uint8Array> {
  const chunk = new Uint8Array(1024 * 1024).fill(0x5b); // "[[[[…": also hostile to a recursive parser
  let left = megabytes;
  return new ReadableStream({ pull: (c) => (left-- > 0 ? c.enqueue(chunk) : c.close()) });
}

function failingStream(prefix: string): ReadableStream<Uint8Array> {
  let sent = false;
  return new ReadableStream({
    pull: (c) => {
      if (sent) return c.error(new TypeError("terminated"));
      sent = true;
      c.enqueue(new TextEncoder().encode(prefix));
    },
  });
}

type Body = string | Uint8Array<ArrayBuffer> | ReadableStream<Uint8Array> | null;
const body: fc.Arbitrary<() => Body> = fc.oneof(
  { weight: 60, arbitrary: job.map((j) => () => JSON.stringify(j)) },
  { weight: 20, arbitrary: wrongJob.map((j) => () => JSON.stringify(j)) },
  { weight: 20, arbitrary: fc.tuple(job, fc.nat()).map(([j, n]) => { const t = JSON.stringify(j); return () => t.slice(0, n % t.length); }) },
  { weight: 20, arbitrary: envelope.map((e) => () => JSON.stringify(e)) },
  { weight: 10, arbitrary: fc.string().map((title) => () => `<!DOCTYPE html><html><head><title>${title}</title></head><body>err</body></html>`) },
  { weight: 10, arbitrary: fc.jsonValue().map((v) => () => JSON.stringify(v)) },
  { weight: 10, arbitrary: fc.uint8Array({ maxLength: 64 }).map((b) => () => new Uint8Array(b)) },
  { weight: 10, arbitrary: fc.constantFrom(() => "", () => null, () => "null", () => "[]", () => "{}") },
  { weight: 10, arbitrary: fc.string().map((s) => () => failingStream(s)) },
  { weight: 10, arbitrary: fc.constant(() => "x".repeat(200_000)) },
  // Rare: reading 16 MiB before giving up is the slow path (the loopback test covers it too).
  { weight: 1, arbitrary: fc.constantFrom(17, 1).map((mb) => () => hugeStream(mb)) },
);

const headerValue = fc.stringMatching(/^[\x21-\x7e]{0,40}$/);
const headers = fc.record(
  {
    "content-type": fc.constantFrom("application/json", "text/html", "text/plain", "application/json;charset=utf-8"),
    "x-request-id": headerValue,
    "retry-after": fc.oneof(fc.nat({ max: 5 }).map(String), fc.constant("Wed, 21 Oct 2015 07:28:00 GMT"), headerValue),
    "content-length": fc.constantFrom("0", "12"),
  },
  { requiredKeys: [] },
);
const statusCode = fc.oneof(
  { weight: 5, arbitrary: fc.constantFrom(200, 200, 202, 204, 301, 400, 401, 403, 404, 429, 500, 502, 503, 504) },
  { weight: 1, arbitrary: fc.integer({ min: 200, max: 599 }) },
);

type Answer = () => unknown;
const nullBody = new Set([101, 103, 204, 205, 304]);
const answer: fc.Arbitrary<Answer> = fc.oneof(
  { weight: 12, arbitrary: fc.tuple(statusCode, headers, body).map(([s, h, b]) => () => new Response(nullBody.has(s) ? null : b(), { status: s, headers: h })) },
  { weight: 1, arbitrary: fc.constantFrom<Answer>(
    () => { throw new TypeError("fetch failed"); },
    () => { throw "a string"; },
    () => { throw undefined; },
    () => Promise.reject(new DOMException("aborted", "AbortError")),
    () => undefined,
    () => ({}),
    () => Response.error(),
    () => ({ status: 200, headers: { get: () => { throw new Error("hostile headers"); } } }),
  ) },
);

describe("getJob under random answers", () => {
  it("always resolves to a job or rejects with JobsApiError / InvalidArgumentError", async () => {
    await fc.assert(
      fc.asyncProperty(service, fc.array(answer, { minLength: 1, maxLength: 3 }), async (svc, answers) => {
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
        if ("value" in outcome) {
          const j = outcome.value as unknown as Record<string, unknown>;
          expect([typeof j.job_id, typeof j.job_type, typeof j.status]).toEqual(["string", "string", "string"]);
        } else {
          const { error } = outcome;
          if (!(error instanceof JobsApiError || error instanceof InvalidArgumentError)) throw error;
          expect(error.name).toMatch(/^(JobsApiError|InvalidArgumentError)$/);
          if (error instanceof JobsApiError) {
            expect(error.code).not.toBe("");
            expect(error.message).not.toContain("prop-token-0000");
          }
        }
      }),
      { numRuns: 10_000 },
    );
    expect(unhandled).toEqual([]);
  });
});
