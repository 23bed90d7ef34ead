import { InvalidArgumentError } from "../errors.js";
import type { GetJob, JobLike } from "./types.js";
import { createWaitHandle, rejectedWaitHandle, type JobWait } from "./wait-handle.js";
import { resolveWaitOptions, type WaitOptions } from "./wait-options.js";
import { WaitRun, type WaitDecision, type WaitEnd } from "./wait-run.js";

/** Longest `setTimeout` delay that does not overflow (about 24.8 days); a longer one fires early and re-arms. */
const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * Polls a job until it ends.
 *
 * Exit conditions:
 * - **resolves** with the job when its `status` is `SUCCESS`;
 * - **rejects** with `JobFailedError` when it is `FAIL` (with `error_code`,
 *   `fail_reason` and the failed sub-jobs, `errorcode_message` decoded);
 * - **rejects** with `WaitTimeoutError` at the deadline, `timeoutMs` after the
 *   (original) start — carrying the last job seen; a request still in flight
 *   then is aborted;
 * - **rejects** with `signal.reason` as soon as `signal` aborts;
 * - **rejects** with `JobNotFoundError` on `Common.0011` (unknown or expired job);
 * - **rejects** with the error itself on any other non-transient error (401, 403, 404 …);
 * - **rejects** with `InvalidArgumentError` before any request when an option is bad.
 *
 * Every other status (`INIT`, `RUNNING`, `PENDING_PAYMENT`, `WAITING_EXECUTE`,
 * `LISTENING`, statuses not yet documented) keeps the wait going and is
 * reported to `onProgress`. Transient errors (429, 5xx, network, timeouts —
 * `retryable: true`) are retried within the deadline, honouring `Retry-After`;
 * a 429 without one pauses 1, 2, 4 … 60 s. Nothing is left behind when it
 * settles: no timer, no listener, no request.
 *
 * Polling: the first poll goes at once; the next ones follow `nextPollDelay`
 * (7.5 % of the job's running time, sooner when sub-jobs say the end is
 * near, between `minDelayMs` and `maxDelayMs`); the last one is trimmed so that
 * it is answered by the deadline.
 *
 * One wait needs one timer: this is the lean scheduler the client uses; the
 * decisions are `WaitRun`'s, shared with `createJobWatcher`, which schedules
 * many waits under one rate cap.
 *
 * @param getJob fetches the job once; give it without retries of its own
 * @returns the job's promise, which also offers `getState()` to resume later
 * @example
 * const job = await waitForJob((id, o) => client.getJob(id, { ...o, retry: false }), jobId, {
 *   timeoutMs: 3_600_000,
 *   onProgress: ({ status, subJobs }) => console.log(status, `${subJobs.succeeded}/${subJobs.total}`),
 * });
 */
export function waitForJob<J extends JobLike>(getJob: GetJob<J>, jobId: string, options?: WaitOptions<J>): JobWait<J> {
  let clock = Number.NEGATIVE_INFINITY;
  const now = (): number => (clock = Math.max(clock, Date.now())); // the system clock may be set back; the schedule must not
  let run: WaitRun<J>;
  try {
    if (typeof getJob !== "function") throw new InvalidArgumentError("getJob", "expected a function");
    run = new WaitRun(resolveWaitOptions(jobId, options, {}, now()));
  } catch (error) {
    return rejectedWaitHandle(error);
  }
  const handle = createWaitHandle(run.promise, () => run.getState());
  const { signal } = run.options;
  if (signal?.aborted) {
    run.finish({ end: "reject", error: signal.reason });
    return handle;
  }
  let timer: ReturnType<typeof setTimeout> | undefined;
  let request: AbortController | undefined;
  let dueAt: number | undefined = now();
  // After a 429 without Retry-After the wait pauses 1, 2, 4 … 60 s, as a watcher does for all its waits.
  let pausedUntil = 0;
  let throttles = 0;

  const end = (how: WaitEnd<J>): void => {
    if (!run.finish(how)) return;
    clearTimeout(timer);
    signal?.removeEventListener("abort", onAbort);
    request?.abort(how.end === "reject" ? how.error : undefined);
    request = undefined;
  };
  const onAbort = (): void => end({ end: "reject", error: signal?.reason });

  const apply = (decision: WaitDecision<J>): void => {
    if (run.ended) return; // a hook (onProgress, onRetry) aborted it meanwhile
    if (decision.end !== undefined) return end(decision);
    if (decision.throttled) {
      throttles += 1;
      pausedUntil = now() + (decision.throttled.retryAfterMs ?? Math.min(60_000, 1000 * 2 ** Math.min(throttles - 1, 16)));
    }
    dueAt = decision.nextPollAt; // undefined: no poll fits before the deadline
  };

  const send = (): void => {
    const current = (request = new AbortController());
    const answered = (decide: (t: number) => WaitDecision<J>): void => {
      if (request !== current) return; // the wait ended while this request was in flight
      request = undefined;
      let decision: WaitDecision<J>;
      try {
        decision = decide(now());
      } catch (error) {
        decision = { end: "reject", error }; // e.g. a custom getJob that resolved with something that is not a job
      }
      apply(decision);
      pump();
    };
    run.markSent(now());
    new Promise<J>((resolve) => resolve(getJob(run.options.jobId, { signal: current.signal }))).then(
      (job) => answered((t) => ((throttles = 0), run.onJob(job, t, Math.random()))),
      (error: unknown) => answered((t) => run.onError(error, t, Math.random())),
    );
  };

  const pump = (): void => {
    if (run.ended) return;
    const t = now();
    if (run.deadlineAt <= t) return end({ end: "reject", error: run.timeoutError() });
    const pollAt = dueAt === undefined ? Number.POSITIVE_INFINITY : Math.max(dueAt, pausedUntil);
    if (request === undefined && pollAt <= t) {
      dueAt = undefined;
      send();
      if (run.ended) return; // getJob aborted the signal synchronously
    }
    const next = request === undefined ? Math.min(run.deadlineAt, pollAt) : run.deadlineAt;
    clearTimeout(timer);
    timer = setTimeout(pump, Math.min(MAX_TIMER_MS, Math.max(0, next - now())));
  };

  signal?.addEventListener("abort", onAbort, { once: true });
  pump();
  return handle;
}
