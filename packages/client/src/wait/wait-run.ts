import { InvalidArgumentError } from "../errors.js";
import { classifyPollError } from "./classify-error.js";
import { JobNotFoundError } from "./job-not-found-error.js";
import { jobFailedError, viewJob } from "./job-view.js";
import { planNextPoll } from "./polling-policy.js";
import type { JobLike, SubJobProgress } from "./types.js";
import type { ResolvedWaitOptions } from "./wait-options.js";
import { buildWaitState, type WaitState } from "./wait-state.js";
import { WaitTimeoutError } from "./wait-timeout-error.js";

/** How a wait ends. */
export type WaitEnd<J> = { readonly end: "resolve"; readonly job: J } | { readonly end: "reject"; readonly error: unknown };

/** What a wait does after an answer: end, or poll again at `nextPollAt` (`undefined`: not before the deadline). */
export type WaitDecision<J> =
  | WaitEnd<J>
  | { readonly end?: undefined; readonly nextPollAt: number | undefined; readonly throttled?: { readonly retryAfterMs: number | undefined } };

/**
 * The state of one wait, its promise, and the decisions taken on each answer.
 * It never touches timers or requests: the watcher owns those and calls `onJob`/`onError`.
 */
export class WaitRun<J extends JobLike> {
  readonly promise: Promise<J>;
  private settle!: (end: WaitEnd<J>) => void;
  readonly deadlineAt: number;
  /** When the last poll was sent. */
  sentAt = 0;
  ended = false;
  private polls: number;
  private transientErrors: number;
  private consecutiveErrors = 0;
  private retryAfterMs: number | undefined;
  private latencyMs = 0;
  private lastJob: J | undefined;
  private lastError: unknown;
  private lastPolledAt: number | undefined;
  private jobBeganAt: number | undefined;
  private subJobs: SubJobProgress | undefined;

  constructor(readonly options: ResolvedWaitOptions<J>) {
    this.deadlineAt = options.startedAt + options.timeoutMs;
    this.polls = options.polls;
    this.transientErrors = options.transientErrors;
    this.promise = new Promise<J>((resolve, reject) => {
      this.settle = (end) => (end.end === "resolve" ? resolve(end.job) : reject(end.error));
    });
  }

  /** Settles the promise once; later calls do nothing. Returns whether this call ended the wait. */
  finish(end: WaitEnd<J>): boolean {
    if (this.ended) return false;
    this.ended = true;
    this.settle(end);
    return true;
  }

  /** Records that a poll is sent now. */
  markSent(now: number): void {
    this.polls += 1;
    this.sentAt = now;
  }

  /** A poll returned a job. */
  onJob(job: J, now: number, random: number): WaitDecision<J> {
    if (typeof job !== "object" || job === null) {
      return { end: "reject", error: new InvalidArgumentError("getJob", `resolved with ${String(job)}, not a job`) };
    }
    this.latencyMs = Math.max(this.latencyMs, now - this.sentAt);
    this.lastJob = job;
    this.lastError = undefined;
    this.lastPolledAt = now;
    this.consecutiveErrors = 0;
    this.retryAfterMs = undefined;
    const view = viewJob(job);
    this.jobBeganAt = view.beganAt;
    this.subJobs = view.subJobs.total > 0 ? view.subJobs : undefined;
    const { onProgress, jobId, service, startedAt } = this.options;
    try {
      onProgress?.({
        job,
        status: view.status,
        subJobs: view.subJobs,
        elapsedMs: now - startedAt,
        jobElapsedMs: view.beganAt === undefined ? undefined : Math.max(0, now - view.beganAt),
        polls: this.polls,
        state: this.getState(),
      });
    } catch (error) {
      return { end: "reject", error };
    }
    if (view.outcome === "succeeded") return { end: "resolve", job };
    if (view.outcome === "failed") return { end: "reject", error: jobFailedError(job, jobId, service) };
    return { nextPollAt: this.plan(now, random) };
  }

  /** A poll failed. */
  onError(error: unknown, now: number, random: number): WaitDecision<J> {
    const { kind, code, retryAfterMs, requestId } = classifyPollError(error);
    if (kind === "not-found") {
      const { jobId, service } = this.options;
      return { end: "reject", error: new JobNotFoundError({ jobId, service, apiCode: code ?? "Common.0011", requestId, cause: error }) };
    }
    if (kind === "fatal") return { end: "reject", error };
    this.consecutiveErrors += 1;
    this.transientErrors += 1;
    this.retryAfterMs = retryAfterMs;
    this.lastError = error;
    const nextPollAt = this.plan(now, random);
    try {
      this.options.onRetry?.({
        error,
        consecutiveErrors: this.consecutiveErrors,
        nextPollInMs: nextPollAt === undefined ? undefined : nextPollAt - now,
        polls: this.polls,
      });
    } catch (hookError) {
      return { end: "reject", error: hookError };
    }
    return kind === "throttled" ? { nextPollAt, throttled: { retryAfterMs } } : { nextPollAt };
  }

  /** The error a wait ends with at its deadline. */
  timeoutError(): WaitTimeoutError<J> {
    const { jobId, timeoutMs } = this.options;
    return new WaitTimeoutError({ jobId, timeoutMs, lastJob: this.lastJob, lastError: this.lastError, state: this.getState() });
  }

  /** Serialisable state (see `WaitState`). */
  getState(): WaitState {
    const { polls, transientErrors, lastPolledAt } = this;
    return buildWaitState({ ...this.options, polls, transientErrors, lastStatus: this.lastJob?.status, lastPolledAt });
  }

  private plan(now: number, random: number): number | undefined {
    const input = {
      now,
      waitStartedAt: this.options.startedAt,
      deadlineAt: this.deadlineAt,
      jobBeganAt: this.jobBeganAt,
      subJobs: this.subJobs,
      consecutiveErrors: this.consecutiveErrors,
      retryAfterMs: this.retryAfterMs,
      latencyMs: this.latencyMs,
      polls: this.polls,
      random,
    };
    return planNextPoll(this.options.policy(input), input, this.options.minDelayMs);
  }
}
