// fast-check arbitraries for the client's property test: jobs of every service and
// everything else a server or a broken fetch can answer.
import fc from "fast-check";
import { JOB_STATUSES, KNOWN_JOB_TYPES, SERVICE_NAMES } from "./api.js";

const hex32 = fc.stringMatching(/^[0-9a-f]{32}$/);
const time = fc.oneof(fc.constant(""), fc.constant(null), fc.date({ noInvalidDate: true }).map((d) => d.toISOString()), fc.string());
/** A service name. */
export const service = fc.constantFrom(...SERVICE_NAMES);
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
      fc.jsonValue({ maxDepth: 2 }),
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
  .tuple(job, fc.constantFrom("job_id", "job_type", "status"), fc.oneof(fc.integer(), fc.constant(null), fc.array(fc.string()), fc.object({ maxDepth: 1 })))
  .map(([j, key, value]) => ({ ...j, [key]: value }));

const envelope = fc.oneof(
  fc.record({ error: fc.record({ code: fc.oneof(fc.string(), fc.integer(), fc.constant(null)), message: fc.jsonValue({ maxDepth: 2 }) }, { requiredKeys: [] }) }),
  fc.record({ code: fc.jsonValue({ maxDepth: 2 }), message: fc.jsonValue({ maxDepth: 2 }) }, { requiredKeys: [] }),
  fc.record({ error_code: fc.jsonValue({ maxDepth: 2 }), error_msg: fc.jsonValue({ maxDepth: 2 }), request_id: fc.jsonValue({ maxDepth: 2 }) }, { requiredKeys: [] }),
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
  { weight: 300, arbitrary: job.map((j) => () => JSON.stringify(j)) },
  { weight: 100, arbitrary: wrongJob.map((j) => () => JSON.stringify(j)) },
  { weight: 100, arbitrary: fc.tuple(job, fc.nat()).map(([j, n]) => { const t = JSON.stringify(j); return () => t.slice(0, n % t.length); }) },
  { weight: 100, arbitrary: envelope.map((e) => () => JSON.stringify(e)) },
  { weight: 50, arbitrary: fc.string().map((title) => () => `<!DOCTYPE html><html><head><title>${title}</title></head><body>err</body></html>`) },
  { weight: 50, arbitrary: fc.jsonValue({ maxDepth: 2 }).map((v) => () => JSON.stringify(v)) },
  { weight: 50, arbitrary: fc.uint8Array({ maxLength: 64 }).map((b) => () => new Uint8Array(b)) },
  { weight: 50, arbitrary: fc.constantFrom(() => "", () => null, () => "null", () => "[]", () => "{}") },
  { weight: 50, arbitrary: fc.string().map((s) => () => failingStream(s)) },
  { weight: 50, arbitrary: fc.constant(() => "x".repeat(200_000)) },
  // Rare: reading 16 MiB before giving up is the slow path (the loopback test covers it too).
  { weight: 1, arbitrary: fc.constantFrom(17, 1).map((mb) => () => hugeStream(mb)) },
);

const headerValue = fc.stringMatching(/^[\x21-\x7e]{0,40}$/);
const headers = fc.record(
  {
    "content-type": fc.constantFrom("application/json", "text/html", "text/plain", "application/json;charset=utf-8"),
    "x-request-id": headerValue,
    "retry-after": fc.oneof(fc.nat({ max: 5 }).map(String), fc.constant("Wed, 21 Oct 2015 07:28:00 GMT"), headerValue),
    "content-length": fc.constantFrom("12", "12", "12", "0"), // "0" makes openapi-fetch skip the body
  },
  { requiredKeys: [] },
);
const statusCode = fc.oneof(
  { weight: 4, arbitrary: fc.constant(200) },
  { weight: 5, arbitrary: fc.constantFrom(202, 204, 301, 400, 401, 403, 404, 429, 500, 502, 503, 504) },
  { weight: 1, arbitrary: fc.integer({ min: 200, max: 599 }) },
);

/** What the injected fetch does for one request: return (or throw, or return garbage). */
export type Answer = () => unknown;
const nullBody = new Set([101, 103, 204, 205, 304]);
/** Any answer: mostly Responses (random status, headers, body), sometimes a broken fetch. */
export const answer: fc.Arbitrary<Answer> = fc.oneof(
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

