// A simulated job server for the waiter's tests: job bodies that change with
// the (fake) clock, served through an injected `fetch` so that the real client
// turns faults into the same errors a real server would cause.

/** One sub-job of a simulated job. */
export interface SimulatedSubJob {
  /** When it ends, ms after the job's begin. */
  readonly endMs: number;
  readonly outcome: "SUCCESS" | "FAIL";
  readonly errorCode?: string;
  readonly errorcodeMessage?: string;
}

/** A job whose body depends on the time it is read. */
export interface SimulatedJobSpec {
  readonly jobId: string;
  readonly jobType?: string;
  /** Epoch ms of `begin_time`. */
  readonly beginAt: number;
  /** Statuses before RUNNING, each for a while (default INIT for 0 ms). */
  readonly phases?: readonly { readonly status: string; readonly forMs: number }[];
  /** When it ends, ms after `beginAt`; `Infinity` for never. */
  readonly endMs: number;
  readonly outcome: "SUCCESS" | "FAIL";
  readonly errorCode?: string;
  readonly failReason?: string;
  readonly subJobs?: readonly SimulatedSubJob[];
  /** Where sub-jobs go: `entities` (ECS, BMS, EVS) or `top` (VBS). Default `entities`. */
  readonly layout?: "entities" | "top";
}

/** A fault answered instead of the job: an HTTP response, or a dropped connection. */
export type Fault = (() => Response) | "reset";

const iso = (ms: number) => new Date(ms).toISOString();

function statusAt(spec: SimulatedJobSpec, elapsed: number): string {
  if (elapsed >= spec.endMs) return spec.outcome;
  let until = 0;
  for (const phase of spec.phases ?? [{ status: "INIT", forMs: 0 }]) {
    until += phase.forMs;
    if (elapsed < until) return phase.status;
  }
  return "RUNNING";
}

/** The body the server sends for `spec` at time `now`. */
export function jobBodyAt(spec: SimulatedJobSpec, now: number): Record<string, unknown> {
  const elapsed = now - spec.beginAt;
  const status = statusAt(spec, elapsed);
  const done = status === "SUCCESS" || status === "FAIL";
  const subJobs = (spec.subJobs ?? []).map((sub, i) => {
    const subDone = elapsed >= sub.endMs;
    const failed = subDone && sub.outcome === "FAIL";
    return {
      status: subDone ? sub.outcome : "RUNNING",
      job_id: `${spec.jobId.slice(0, 28)}${(i + 1).toString(16).padStart(4, "0")}`,
      job_type: "createSingleServer",
      begin_time: iso(spec.beginAt),
      end_time: subDone ? iso(spec.beginAt + sub.endMs) : "",
      entities: failed && sub.errorcodeMessage !== undefined ? { errorcode_message: sub.errorcodeMessage } : { server_id: "9a6d4c2e-59b4-4a33-8f5b-2c6a5d0e1f10" },
      ...(failed ? { error_code: sub.errorCode ?? "Ecs.0204", fail_reason: "CreateServerTask-fail: simulated" } : {}),
    };
  });
  const failed = status === "FAIL";
  const base = {
    status,
    job_id: spec.jobId,
    job_type: spec.jobType ?? "createServer",
    begin_time: iso(spec.beginAt),
    end_time: done ? iso(spec.beginAt + spec.endMs) : "",
    ...(failed ? { error_code: spec.errorCode ?? "Ecs.0204", fail_reason: spec.failReason ?? "simulated failure" } : {}),
  };
  if (spec.layout === "top") return { ...base, entities: {}, sub_jobs: subJobs };
  return { ...base, entities: subJobs.length > 0 ? { sub_jobs_total: subJobs.length, sub_jobs: subJobs } : {} };
}

/** Serves simulated jobs at `GET /v1/{project_id}/jobs/{job_id}` through `fetch`. */
export class JobSimulator {
  private readonly jobs = new Map<string, SimulatedJobSpec>();
  /** Faults by call number (1-based, counted over all jobs). */
  private readonly faults = new Map<number, Fault>();
  /** Every request received: time and job id. */
  readonly calls: { readonly at: number; readonly jobId: string }[] = [];

  /** Adds a job. */
  add(spec: SimulatedJobSpec): this {
    this.jobs.set(spec.jobId, spec);
    return this;
  }

  /** Answers call number `n` (1-based) with `fault` instead of the job. */
  failCall(n: number, fault: Fault): this {
    this.faults.set(n, fault);
    return this;
  }

  /** The injected `fetch`. */
  readonly fetch = async (request: Request): Promise<Response> => {
    const jobId = new URL(request.url).pathname.split("/").pop() ?? "";
    this.calls.push({ at: Date.now(), jobId });
    const fault = this.faults.get(this.calls.length);
    if (fault === "reset") throw new TypeError("fetch failed", { cause: Object.assign(new Error("read ECONNRESET"), { code: "ECONNRESET" }) });
    if (fault !== undefined) return fault();
    const spec = this.jobs.get(jobId);
    if (spec === undefined) return notFound();
    return Response.json(jobBodyAt(spec, Date.now()), { headers: { "x-request-id": `req-${this.calls.length}` } });
  };
}

/** 429 with `Retry-After` in seconds, ECS flow-control body. */
export const tooManyRequests = (retryAfterSeconds: number) => () =>
  Response.json({ error: { code: "Common.1503", message: "Flow control" } }, { status: 429, headers: { "retry-after": String(retryAfterSeconds) } });

/** 502 from a load balancer: an HTML page, not JSON. */
export const badGatewayHtml = () => () =>
  new Response("<html><head><title>502 Bad Gateway</title></head><body><center>nginx</center></body></html>", {
    status: 502,
    headers: { "content-type": "text/html" },
  });

/** 503 with a flat JSON body. */
export const serviceUnavailable = () => () => Response.json({ code: "EVS.5503", message: "Service unavailable" }, { status: 503 });

/** 400 Common.0011: the job is unknown or expired. */
export const notFound = () => Response.json({ error: { code: "Common.0011", message: "Failed to query system tasks." } }, { status: 400 });

/** 401 with an expired token. */
export const unauthorized = () => () => Response.json({ error: { code: "Common.0013", message: "Invalid token." } }, { status: 401 });
