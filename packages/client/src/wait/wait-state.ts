import { InvalidArgumentError } from "../errors.js";

/**
 * Serialisable state of a wait: `JSON.stringify` it (it is plain data), keep
 * it somewhere, and pass it back as `resumeFrom` to continue the wait in
 * another process — elapsed time, deadline and poll count carry on from the
 * original start.
 *
 * @example
 * const wait = waitForJob(getJob, jobId, { onProgress: (p) => save(JSON.stringify(p.state)) });
 * // …after a restart:
 * await waitForJob(getJob, jobId, { resumeFrom: JSON.parse(load()) });
 */
export interface WaitState {
  /** Format version of this object. */
  readonly version: 1;
  /** Service of the job, when the caller said (the client always does). */
  readonly service?: string;
  /** The job waited for. */
  readonly jobId: string;
  /** When the wait originally started, ISO 8601. */
  readonly startedAt: string;
  /** Timeout counted from `startedAt`. */
  readonly timeoutMs: number;
  /** Polls sent so far. */
  readonly polls: number;
  /** Polls that failed with a transient error so far. */
  readonly transientErrors: number;
  /** `status` of the last job seen. */
  readonly lastStatus?: string;
  /** When the last poll was answered, ISO 8601. */
  readonly lastPolledAt?: string;
}

/** The numbers a wait carries on from a saved state. */
export interface ResumedCounters {
  readonly startedAt: number;
  readonly timeoutMs: number;
  readonly polls: number;
  readonly transientErrors: number;
}

/**
 * Checks a saved `WaitState` against the wait it is meant to resume.
 * @throws InvalidArgumentError when it is malformed, of a newer version, or of another job or service.
 */
export function readResumeState(value: unknown, jobId: string, service: string | undefined): ResumedCounters {
  const fail = (reason: string): never => {
    throw new InvalidArgumentError("resumeFrom", reason);
  };
  if (typeof value !== "object" || value === null || Array.isArray(value)) return fail("expected a WaitState object");
  const state = value as Record<string, unknown>;
  if (state["version"] !== 1) return fail(`unsupported version ${JSON.stringify(state["version"])} (expected 1)`);
  if (state["jobId"] !== jobId) return fail(`it belongs to job ${JSON.stringify(state["jobId"])}, not ${JSON.stringify(jobId)}`);
  if (service !== undefined && state["service"] !== undefined && state["service"] !== service) {
    return fail(`it belongs to service ${JSON.stringify(state["service"])}, not ${JSON.stringify(service)}`);
  }
  const startedAt = typeof state["startedAt"] === "string" ? Date.parse(state["startedAt"]) : Number.NaN;
  if (!Number.isFinite(startedAt)) return fail("startedAt must be an ISO 8601 date-time");
  const count = (key: string): number => {
    const n = state[key];
    return typeof n === "number" && Number.isSafeInteger(n) && n >= 0 ? n : fail(`${key} must be a non-negative integer`);
  };
  const timeoutMs = state["timeoutMs"];
  if (typeof timeoutMs !== "number" || !Number.isFinite(timeoutMs) || timeoutMs <= 0) return fail("timeoutMs must be a positive number");
  return { startedAt, timeoutMs, polls: count("polls"), transientErrors: count("transientErrors") };
}

/** What a `WaitState` is made of, times as epoch ms. */
export interface WaitStateFields {
  readonly service: string | undefined;
  readonly jobId: string;
  readonly startedAt: number;
  readonly timeoutMs: number;
  readonly polls: number;
  readonly transientErrors: number;
  readonly lastStatus: string | null | undefined;
  readonly lastPolledAt: number | undefined;
}

/** Builds the plain-data `WaitState`, leaving out what is unknown. */
export function buildWaitState(f: WaitStateFields): WaitState {
  return {
    version: 1,
    ...(f.service === undefined ? {} : { service: f.service }),
    jobId: f.jobId,
    startedAt: new Date(f.startedAt).toISOString(),
    timeoutMs: f.timeoutMs,
    polls: f.polls,
    transientErrors: f.transientErrors,
    ...(typeof f.lastStatus === "string" ? { lastStatus: f.lastStatus } : {}),
    ...(f.lastPolledAt === undefined ? {} : { lastPolledAt: new Date(f.lastPolledAt).toISOString() }),
  };
}
