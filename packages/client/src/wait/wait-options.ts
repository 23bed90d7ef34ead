import { InvalidArgumentError } from "../errors.js";
import { adaptivePollingPolicy, DEFAULT_POLLING_POLICY_OPTIONS, type PollingPolicy } from "./polling-policy.js";
import type { JobLike, WaitProgress, WaitRetryInfo } from "./types.js";
import { readResumeState, type WaitState } from "./wait-state.js";

/** Options every wait can take; a watcher's options give the defaults for its waits. */
export interface WaitTuning {
  /** Give up this long after the wait started (the original start when resumed). Default 30 minutes. */
  readonly timeoutMs?: number;
  /** Never poll sooner than this after the previous poll. Default 1000. */
  readonly minDelayMs?: number;
  /** Never wait longer than this between polls, unless `Retry-After` asks for more. Default 60 000. */
  readonly maxDelayMs?: number;
  /** Next delay ≈ this fraction of the job's running time (see `nextPollDelay`). Default 0.075. */
  readonly elapsedFraction?: number;
  /** Replaces the adaptive policy (e.g. `fixedIntervalPolicy(5000)`); `minDelayMs`, `Retry-After` and the deadline still apply. */
  readonly policy?: PollingPolicy;
}

/** Options of `waitForJob` and `watcher.wait`. */
export interface WaitOptions<J extends JobLike = JobLike> extends WaitTuning {
  /** Aborting it ends the wait at once, rejecting with `signal.reason`. */
  readonly signal?: AbortSignal;
  /** Called after every poll that returned a job, the final one included. If it throws, the wait rejects with that error. */
  readonly onProgress?: (progress: WaitProgress<J>) => void;
  /** Called after every poll that failed with a transient error (429, 5xx, network, timeout). */
  readonly onRetry?: (info: WaitRetryInfo) => void;
  /** Continue a wait saved with `getState()` or `progress.state`. */
  readonly resumeFrom?: WaitState;
  /** Service of the job, recorded in the state (the client passes it). */
  readonly service?: string;
}

/** Options after validation, defaults applied. */
export interface ResolvedWaitOptions<J extends JobLike> {
  readonly jobId: string;
  readonly service: string | undefined;
  readonly startedAt: number;
  readonly timeoutMs: number;
  readonly minDelayMs: number;
  readonly policy: PollingPolicy;
  readonly signal: AbortSignal | undefined;
  readonly onProgress: ((progress: WaitProgress<J>) => void) | undefined;
  readonly onRetry: ((info: WaitRetryInfo) => void) | undefined;
  readonly polls: number;
  readonly transientErrors: number;
}

/** Default `timeoutMs`: 30 minutes, the create timeout most Terraform resources of these services use. */
export const DEFAULT_WAIT_TIMEOUT_MS = 30 * 60_000;

/**
 * Validates the options of one wait before anything is sent.
 * @throws InvalidArgumentError naming the first bad option.
 */
export function resolveWaitOptions<J extends JobLike>(
  jobId: unknown,
  options: WaitOptions<J> | undefined,
  defaults: WaitTuning,
  now: number,
): ResolvedWaitOptions<J> {
  if (typeof jobId !== "string" || jobId.trim() === "") throw new InvalidArgumentError("jobId", "expected a non-empty string");
  if (options !== undefined && (typeof options !== "object" || options === null)) throw new InvalidArgumentError("options", "expected an object");
  const o = { ...defaults, ...options };
  const service = optional(o.service, "service", (v) => typeof v === "string" && v !== "", "a non-empty string");
  const resumed = o.resumeFrom === undefined ? undefined : readResumeState(o.resumeFrom, jobId, service);
  // A resumed wait keeps its own timeout unless this call names one; a watcher default comes after both.
  const timeoutMs = number(options?.timeoutMs ?? resumed?.timeoutMs ?? defaults.timeoutMs ?? DEFAULT_WAIT_TIMEOUT_MS, "timeoutMs", 1);
  const minDelayMs = number(o.minDelayMs ?? DEFAULT_POLLING_POLICY_OPTIONS.minDelayMs, "minDelayMs", 1);
  const maxDelayMs = number(o.maxDelayMs ?? Math.max(minDelayMs, DEFAULT_POLLING_POLICY_OPTIONS.maxDelayMs), "maxDelayMs", minDelayMs);
  const elapsedFraction = o.elapsedFraction ?? DEFAULT_POLLING_POLICY_OPTIONS.elapsedFraction;
  if (typeof elapsedFraction !== "number" || !(elapsedFraction > 0 && elapsedFraction <= 1)) {
    throw new InvalidArgumentError("elapsedFraction", `expected a number in (0, 1], got ${String(elapsedFraction)}`);
  }
  const isFunction = (v: unknown) => typeof v === "function";
  const policy = optional(o.policy, "policy", isFunction, "a function") ?? adaptivePollingPolicy({ minDelayMs, maxDelayMs, elapsedFraction });
  const signal = optional(o.signal, "signal", isAbortSignal, "an AbortSignal");
  return {
    jobId,
    service,
    startedAt: resumed?.startedAt ?? now,
    timeoutMs,
    minDelayMs,
    policy,
    signal,
    onProgress: optional(o.onProgress, "onProgress", isFunction, "a function"),
    onRetry: optional(o.onRetry, "onRetry", isFunction, "a function"),
    polls: resumed?.polls ?? 0,
    transientErrors: resumed?.transientErrors ?? 0,
  };
}

function number(value: unknown, name: string, min: number): number {
  if (typeof value !== "number" || !Number.isFinite(value) || value < min) {
    throw new InvalidArgumentError(name, `expected a finite number ≥ ${min}, got ${String(value)}`);
  }
  return value;
}

function optional<T>(value: T | undefined, name: string, ok: (v: unknown) => boolean, expected: string): T | undefined {
  if (value !== undefined && !ok(value)) throw new InvalidArgumentError(name, `expected ${expected}`);
  return value;
}

function isAbortSignal(value: unknown): boolean {
  const s = value as AbortSignal | null;
  return typeof s === "object" && s !== null && typeof s.aborted === "boolean" && typeof s.addEventListener === "function";
}
