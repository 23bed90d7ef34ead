// The one wait engine: `createJobWatcher` runs many waits under one request budget on one timer, `waitForJob` is a
// watcher of one, and `simulatePolicy` drives the same engine on a simulated clock.
import { InvalidArgumentError, JobNotFoundError, JobFailedError, WaitTimeoutError, WatcherClosedError, classifyPollError } from "./errors.js";
import { failedSubJobsOf, isFailed, isSucceeded, nonEmpty, parseJobTime, summarizeSubJobs, type JobLike, type SubJobSummary } from "./jobs.js";
import type { CancelSlot, GetJob, JobWatcherOptions, PollSource, WaitOptions } from "./options.js";
import { resolveWaitOptions, resolveWatcherOptions, type ResolvedWaitOptions } from "./wait-options.js";
import { RequestRateLimiter, planNextPoll, type PollingPolicy, type PollingPolicyInput } from "./policy.js";
import { setTimer } from "./timer.js";

/** Sub-job counts of a job (zeros when it has none). */ export type SubJobProgress = SubJobSummary;

/** What `onProgress` receives after every poll that returned a job. */
export interface WaitProgress<J extends JobLike = JobLike> {
  /** The job as returned by this poll. */ readonly job: J;
  /** `job.status` (`INIT`, `RUNNING`, `PENDING_PAYMENT`, `WAITING_EXECUTE`, `LISTENING`, `SUCCESS`, `FAIL`, or one not yet documented). */
  readonly status: string;
  /** Sub-job counts. */ readonly subJobs: SubJobProgress;
  /** Time since the wait started (the original start when resumed). */ readonly elapsedMs: number;
  /** Time since the job's `begin_time`, when it has a usable one. */ readonly jobElapsedMs: number | undefined;
  /** Polls sent so far, this one included (and those before a resume). */ readonly polls: number;
  /** Serialisable state: save it to resume the wait in another process. */ readonly state: WaitState;
}

/** What `onRetry` receives after a poll that failed with a transient error. */
export interface WaitRetryInfo {
  /** The error (a `JobsApiError` with `retryable: true` when it comes from the client). */ readonly error: unknown;
  /** Transient errors in a row, this one included. */ readonly consecutiveErrors: number;
  /** Delay until the next poll, or `undefined` when none fits before the deadline. */ readonly nextPollInMs: number | undefined;
  /** Polls sent so far. */ readonly polls: number;
}

/**
 * Serialisable state of a wait: plain data to keep and pass back as `resumeFrom` to continue the wait in another
 * process; elapsed time, deadline and poll count carry on from the original start.
 *
 * @example
 * const wait = client.waitForJob(jobId, { onProgress: (p) => save(JSON.stringify(p.state)) });
 * // …after a restart:
 * await client.waitForJob(jobId, { resumeFrom: JSON.parse(load()) });
 */
export interface WaitState {
  /** Format version of this object. */ readonly version: 1;
  /** Service of the job, when the caller said (the client always does). */ readonly service?: string;
  /** The job waited for. */ readonly jobId: string;
  /** When the wait originally started, ISO 8601. */ readonly startedAt: string;
  /** Timeout counted from `startedAt`. */ readonly timeoutMs: number;
  /** Polls sent so far. */ readonly polls: number;
  /** Polls that failed with a transient error so far. */ readonly transientErrors: number;
  /** `status` of the last job seen. */ readonly lastStatus?: string;
  /** When the last poll was answered, ISO 8601. */ readonly lastPolledAt?: string;
}

/** What `waitForJob` and `watcher.wait` return: the job's promise, with the wait's state at any time (`JSON.stringify(wait)`). */
export type JobWait<J = JobLike> = Promise<J> & {
  /** Serialisable state, to pass as `resumeFrom` later. */ getState(): WaitState;
  /** Same as `getState()`, so that `JSON.stringify` gives the state. */ toJSON(): WaitState;
};

/** Counters of a watcher, for dashboards and tests. */
export interface JobWatcherStats {
  /** Waits not yet ended. */ readonly waits: number;
  /** Requests in flight. */ readonly inFlight: number;
  /** Requests sent since the watcher was created. */ readonly requests: number;
  /** Answers that were 429 (or a throttling code). */ readonly throttled: number;
  /** The rate cap in force now (lower than the configured one for a while after a 429). */ readonly currentLimit: number;
}

/** Many waits under one request-rate cap; see `createJobWatcher`. */
export interface JobWatcher<J extends JobLike> {
  /** Waits for one job like `waitForJob`, its polls under the watcher's cap. */ wait(jobId: string, options?: WaitOptions<J>): JobWait<J>;
  /** Ends every running wait with `WatcherClosedError` and stops the timer; later `wait` calls reject the same way. */ close(): void;
  /** Current counters. */ stats(): JobWatcherStats;
}

/** Time and timers as the engine sees them: the real clock, or a simulated one. */
export type Clock = { now(): number; setTimer(fire: () => void, delayMs: number): unknown; clearTimer(timer: unknown): void };


/** The system clock, made monotonic (it may be set back; the schedule must not), and `setTimeout`. */
function realClock(): Clock {
  let last = Number.NEGATIVE_INFINITY;
  return { now: () => (last = Math.max(last, Date.now())), setTimer, clearTimer: (timer) => clearTimeout(timer as ReturnType<typeof setTimeout>) };
}

/** The answer to a poll, and how a wait ends. */
type Outcome<J> = { readonly job: J } | { readonly error: unknown };

/**
 * Sends one poll and calls `answer` once. The engine cancels it through `slot`, where the poll hangs what it can abort
 * (the answer is then ignored); the slot is there before the poll starts, so a poll that ends its own wait at once is
 * cancelled too.
 */
export type Poll<J> = (jobId: string, slot: CancelSlot, answer: (outcome: Outcome<J>) => void) => void;

/** A poll through `source`, which hangs on the slot what cancels it: a client's `POLL` method hangs its call, with no `AbortSignal`. */
export const pollVia =
  <J>(source: PollSource<J>): Poll<J> =>
  (jobId, slot, answer) =>
    void new Promise<J>((resolve) => resolve(source(jobId, slot))).then(
      (job) => answer({ job }),
      (error: unknown) => answer({ error }),
    );

/** A poll through a `getJob` function: an `AbortController` per request, hung on the slot. */
const pollWith = <J>(getJob: GetJob<J & JobLike>): Poll<J> => pollVia((jobId, slot) => getJob(jobId, { signal: (slot.call = new AbortController()).signal }));

type WaitDecision<J> = Outcome<J> | { readonly nextPollAt: number | undefined; readonly throttled?: boolean; readonly retryAfterMs?: number | undefined };

/** One wait: its promise, its counters, and the decision taken on each answer. It never touches timers or requests. */
class WaitRun<J extends JobLike> {
  readonly promise: Promise<J>;
  readonly deadlineAt: number;
  ended = false;
  /** Scheduling: when the last poll was sent, when the next one is due, places in the engine's heaps (-1: not in). */
  sentAt = 0;
  dueAt = 0;
  pollSlot = -1;
  deadlineSlot = -1;
  /** Where the request in flight, if any, hangs its cancel. */ slot: CancelSlot | undefined;
  onAbort: (() => void) | undefined;
  // The promise's own functions, kept as fields: a closure over them cost each of a watcher's waits ~100 bytes more.
  private resolve!: (job: J) => void;
  private reject!: (error: unknown) => void;
  private transientErrors: number;
  private lastJob: J | undefined;
  private lastError: unknown;
  private lastPolledAt: number | undefined;
  /** What the polling policy is told, kept up to date by every answer. */
  private readonly input: { -readonly [K in keyof PollingPolicyInput]: PollingPolicyInput[K] };

  constructor(readonly options: ResolvedWaitOptions<J>) {
    const { startedAt, timeoutMs, polls, transientErrors } = options;
    this.deadlineAt = startedAt + timeoutMs;
    this.transientErrors = transientErrors;
    this.input = { now: startedAt, waitStartedAt: startedAt, deadlineAt: this.deadlineAt, jobBeganAt: undefined, subJobs: undefined, consecutiveErrors: 0, retryAfterMs: undefined, latencyMs: 0, polls, random: 0 };
    this.promise = new Promise<J>((resolve, reject) => {
      [this.resolve, this.reject] = [resolve, reject];
    });
  }

  /** Settles the promise once. Returns whether this call ended the wait. */
  finish(end: Outcome<J>): boolean {
    if (this.ended) return false;
    this.ended = true;
    if ("job" in end) this.resolve(end.job);
    else this.reject(end.error);
    return true;
  }

  markSent(now: number): void {
    this.input.polls += 1;
    this.sentAt = now;
  }

  /** A poll returned a job: only SUCCESS and FAIL end the wait. */
  onJob(job: J, now: number, random: number): WaitDecision<J> {
    if (typeof job !== "object" || job === null) return { error: new InvalidArgumentError("getJob", `must resolve with a job, not ${String(job)}`) };
    Object.assign(this, { lastJob: job, lastError: undefined, lastPolledAt: now });
    const subJobs = summarizeSubJobs(job);
    const jobBeganAt = parseJobTime(job.begin_time)?.getTime();
    const latencyMs = Math.max(this.input.latencyMs, now - this.sentAt);
    Object.assign(this.input, { jobBeganAt, latencyMs, subJobs: subJobs.total > 0 ? subJobs : undefined, consecutiveErrors: 0, retryAfterMs: undefined });
    const { onProgress, jobId, service, startedAt } = this.options;
    try {
      const [status, elapsedMs, polls] = [typeof job.status === "string" ? job.status : "", now - startedAt, this.input.polls];
      const jobElapsedMs = jobBeganAt === undefined ? undefined : Math.max(0, now - jobBeganAt);
      onProgress?.({ job, status, subJobs, elapsedMs, jobElapsedMs, polls, state: this.getState() });
    } catch (error) {
      return { error };
    }
    if (isSucceeded(job)) return { job };
    if (!isFailed(job)) return { nextPollAt: this.plan(now, random) };
    const [errorCode, failReason] = [nonEmpty((job as Record<string, unknown>)["error_code"]), nonEmpty((job as Record<string, unknown>)["fail_reason"])];
    return { error: new JobFailedError({ job, jobId, service, errorCode, failReason, failedSubJobs: failedSubJobsOf(job) }) };
  }

  /** A poll failed: Common.0011 and fatal errors end the wait, the rest is retried within the deadline. */
  onError(error: unknown, now: number, random: number): WaitDecision<J> {
    const { kind, code, retryAfterMs, requestId } = classifyPollError(error);
    const { jobId, service } = this.options;
    if (kind === "not-found") return { error: new JobNotFoundError({ jobId, service, apiCode: code ?? "Common.0011", requestId, cause: error }) };
    if (kind === "fatal") return { error };
    this.transientErrors += 1;
    this.lastError = error;
    this.input.consecutiveErrors += 1;
    this.input.retryAfterMs = retryAfterMs;
    const nextPollAt = this.plan(now, random);
    try {
      const nextPollInMs = nextPollAt === undefined ? undefined : nextPollAt - now;
      this.options.onRetry?.({ error, consecutiveErrors: this.input.consecutiveErrors, nextPollInMs, polls: this.input.polls });
    } catch (hookError) {
      return { error: hookError };
    }
    return { nextPollAt, throttled: kind === "throttled", retryAfterMs };
  }

  timeoutError(): WaitTimeoutError<J> {
    const { jobId, timeoutMs } = this.options;
    return new WaitTimeoutError({ jobId, timeoutMs, lastJob: this.lastJob, lastError: this.lastError, state: this.getState() });
  }

  getState(): WaitState {
    const { service, jobId, startedAt, timeoutMs } = this.options;
    const { lastJob, lastPolledAt, transientErrors } = this;
    return {
      version: 1,
      ...(service === undefined ? {} : { service }),
      ...{ jobId, startedAt: new Date(startedAt).toISOString(), timeoutMs, polls: this.input.polls, transientErrors },
      ...(typeof lastJob?.status === "string" ? { lastStatus: lastJob.status } : {}),
      ...(lastPolledAt === undefined ? {} : { lastPolledAt: new Date(lastPolledAt).toISOString() }),
    };
  }

  private plan(now: number, random: number): number | undefined {
    Object.assign(this.input, { now, random });
    return planNextPoll(this.options.policy({ ...this.input }), this.input, this.options.minDelayMs);
  }
}

/** A min-heap that also removes or re-keys any item in O(log n); each item keeps its position in `slot` (-1: not in). */
export class IndexedHeap<T> {
  private readonly items: T[] = [];

  constructor(
    private readonly key: (item: T) => number,
    private readonly slot: { get(item: T): number; set(item: T, index: number): void },
  ) {}

  get size(): number {
    return this.items.length;
  }

  peek(): T | undefined {
    return this.items[0];
  }

  /** Adds the item, or moves it after its key changed. */
  update(item: T): void {
    const index = this.slot.get(item);
    this.sift(index < 0 ? this.items.push(item) - 1 : index, item);
  }

  delete(item: T): void {
    const index = this.slot.get(item);
    if (index < 0) return;
    this.slot.set(item, -1);
    const last = this.items.pop() as T;
    if (index < this.items.length) this.sift(index, last);
  }

  /** Puts `item` at `index`, then moves it up or down to where its key belongs. */
  private sift(index: number, item: T): void {
    const k = this.key(item);
    const at = (i: number) => this.key(this.items[i] as T);
    for (let parent = (index - 1) >> 1; index > 0 && at(parent) > k; parent = (index - 1) >> 1) index = this.move(parent, index);
    for (let child = 2 * index + 1; child < this.items.length; child = 2 * index + 1) {
      if (child + 1 < this.items.length && at(child + 1) < at(child)) child += 1;
      if (at(child) >= k) break;
      index = this.move(child, index);
    }
    this.items[index] = item;
    this.slot.set(item, index);
  }

  /** Moves the item at `from` to `to`; returns `from`, the hole left behind. */
  private move(from: number, to: number): number {
    const item = this.items[from] as T;
    this.items[to] = item;
    this.slot.set(item, to);
    return from;
  }
}

/** What the engine runs on: how to poll, which clock, and the watcher's checked budget and defaults. */
type EngineSettings<J extends JobLike> = Omit<ReturnType<typeof resolveWatcherOptions<J>>, "getJob" | "pollJob"> & { poll: Poll<J>; clock: Clock };

/** The handle of a wait that could not start: the promise rejects with the error, and `getState` throws it. */
function rejectedWait<J>(error: unknown): JobWait<J> {
  const fail = (): never => {
    throw error;
  };
  return Object.assign(Promise.reject(error), { getState: fail, toJSON: fail });
}

/** The scheduler: waits in a heap by next poll and one by deadline; one timer fires for the earliest, or when budget frees. */
function createEngine<J extends JobLike>({ poll, clock, rate, maxConcurrent, random, defaults }: EngineSettings<J>): JobWatcher<J> {
  const limiter = new RequestRateLimiter(rate);
  const polls = new IndexedHeap<WaitRun<J>>((e) => e.dueAt, { get: (e) => e.pollSlot, set: (e, i) => void (e.pollSlot = i) });
  const deadlines = new IndexedHeap<WaitRun<J>>((e) => e.deadlineAt, { get: (e) => e.deadlineSlot, set: (e, i) => void (e.deadlineSlot = i) });
  const active = new Set<WaitRun<J>>();
  let [inFlight, requests, throttled] = [0, 0, 0];
  let closed = false;
  let timer: unknown;
  let timerAt = Number.POSITIVE_INFINITY;

  function setTimer(at: number, now: number): void {
    if (timer !== undefined && at === timerAt) return; // armed for that time already
    if (timer !== undefined) clock.clearTimer(timer);
    [timer, timerAt] = [undefined, at];
    if (at === Number.POSITIVE_INFINITY) return;
    timer = clock.setTimer(() => {
      [timer, timerAt] = [undefined, Number.POSITIVE_INFINITY];
      pump();
    }, at - now);
  }

  function end(run: WaitRun<J>, how: Outcome<J>): void {
    if (!run.finish(how)) return;
    active.delete(run);
    polls.delete(run);
    deadlines.delete(run);
    if (run.onAbort !== undefined) run.options.signal?.removeEventListener("abort", run.onAbort);
    const slot = run.slot;
    run.slot = run.onAbort = undefined;
    if (slot !== undefined) {
      inFlight -= 1;
      limiter.release(clock.now());
      slot.call?.abort("error" in how ? how.error : undefined);
    }
  }

  function send(run: WaitRun<J>): void {
    inFlight += 1;
    requests += 1;
    run.markSent(clock.now());
    const slot: CancelSlot = {};
    run.slot = slot; // before polling: a getJob that aborts the wait's signal at once ends the wait inside `poll`
    poll(run.options.jobId, slot, (outcome) => {
      if (run.slot !== slot) return; // the wait ended while this request was in flight
      run.slot = undefined;
      inFlight -= 1;
      const t = clock.now();
      limiter.release(t);
      let decision: WaitDecision<J>;
      try {
        if ("job" in outcome) limiter.onSuccess();
        decision = "job" in outcome ? run.onJob(outcome.job, t, random()) : run.onError(outcome.error, t, random());
      } catch (error) {
        decision = { error }; // e.g. a custom getJob that resolved with something odd
      }
      if (run.ended) return pump(); // a hook (onProgress, onRetry) aborted or closed it meanwhile
      if (!("nextPollAt" in decision)) end(run, decision);
      else {
        if (decision.throttled) {
          throttled += 1;
          limiter.onThrottle(clock.now(), decision.retryAfterMs, run.sentAt);
        }
        // No next poll fits before the deadline: the deadline heap ends the wait.
        if (decision.nextPollAt !== undefined) {
          run.dueAt = decision.nextPollAt;
          polls.update(run);
        }
      }
      pump();
    });
    limiter.record(clock.now()); // stamped once the request has started (see RequestRateLimiter.record)
  }

  function pump(): void {
    const t = clock.now();
    for (let e = deadlines.peek(); e !== undefined && e.deadlineAt <= t; e = deadlines.peek()) {
      end(e, { error: e.timeoutError() });
    }
    // A fresh time per request: even a small burst takes time to send, and the cap holds on the real clock.
    for (let e = polls.peek(); e !== undefined && e.dueAt <= t; e = polls.peek()) {
      if (inFlight >= maxConcurrent || !limiter.allows(clock.now())) break;
      polls.delete(e);
      send(e);
    }
    const later = clock.now();
    let next = deadlines.peek()?.deadlineAt ?? Number.POSITIVE_INFINITY;
    const due = polls.peek();
    if (due !== undefined && due.dueAt > later) next = Math.min(next, due.dueAt);
    // When the in-flight cap holds polls back, the next answer pumps again.
    else if (due !== undefined && inFlight < maxConcurrent) next = Math.min(next, Math.max(later + 1, limiter.nextAllowedAt(later)));
    setTimer(next, later);
  }

  function wait(jobId: string, options?: WaitOptions<J>): JobWait<J> {
    let run: WaitRun<J>;
    try {
      if (closed) throw new WatcherClosedError(String(jobId));
      run = new WaitRun(resolveWaitOptions(jobId, options, defaults, clock.now()));
    } catch (error) {
      return rejectedWait(error);
    }
    const getState = () => run.getState();
    const handle = Object.assign(run.promise, { getState, toJSON: getState });
    const signal = run.options.signal;
    if (signal?.aborted) {
      run.finish({ error: signal.reason });
      return handle;
    }
    if (signal !== undefined) {
      run.onAbort = () => (end(run, { error: signal.reason }), pump());
      signal.addEventListener("abort", run.onAbort, { once: true });
    }
    active.add(run);
    run.dueAt = clock.now();
    polls.update(run);
    deadlines.update(run);
    pump();
    return handle;
  }

  function close(): void {
    closed = true;
    for (const run of [...active]) end(run, { error: new WatcherClosedError(run.options.jobId) });
    setTimer(Number.POSITIVE_INFINITY, clock.now());
  }

  const stats = (): JobWatcherStats => ({ waits: active.size, inFlight, requests, throttled, currentLimit: limiter.currentLimit(clock.now()) });
  return { wait, close, stats };
}

/**
 * Waits for many jobs under one request-rate cap (see `RequestRateLimiter`), on a single timer; each wait keeps the
 * semantics of `waitForJob`.
 *
 * @example
 * const watcher = createJobWatcher({ client, maxRequestsPerSecond: 20 });
 * const jobs = await Promise.all(jobIds.map((id) => watcher.wait(id, { timeoutMs: 3_600_000 })));
 * watcher.close();
 */
export function createJobWatcher<J extends JobLike>(options: JobWatcherOptions<J>): JobWatcher<J> {
  const { getJob, pollJob, ...settings } = resolveWatcherOptions(options);
  return createEngine({ ...settings, poll: pollJob ? pollVia(pollJob) : pollWith(getJob), clock: realClock() });
}

/**
 * Polls a job until it ends: a watcher of one wait, without a rate cap. Exit conditions:
 * - **resolves** with the job when its `status` is `SUCCESS`;
 * - **rejects** with `JobFailedError` on `FAIL` (`error_code`, `fail_reason`, failed sub-jobs, `errorcode_message` decoded);
 * - **rejects** with `WaitTimeoutError` at the deadline, `timeoutMs` after the (original) start, carrying the last job;
 * - **rejects** with `signal.reason` as soon as `signal` aborts;
 * - **rejects** with `JobNotFoundError` on `Common.0011`, and with the error itself on any other non-transient error;
 * - **rejects** with `InvalidArgumentError` before any request when an option is bad.
 *
 * Other statuses keep it going (`onProgress`); transient errors (429, every 5xx, 408, network, timeouts) are retried
 * within the deadline, honouring `Retry-After`. The first poll goes at once, the next ones follow the policy, the last
 * one is trimmed to be answered by the deadline. Nothing is left behind when it settles: no timer, listener or request.
 *
 * @param getJob fetches the job once; give it without retries of its own
 * @example
 * const job = await waitForJob((id, o) => client.getJob(id, { ...o, retry: false }), jobId, {
 *   timeoutMs: 3_600_000,
 *   onProgress: ({ status, subJobs }) => console.log(status, `${subJobs.succeeded}/${subJobs.total}`),
 * });
 */
export function waitForJob<J extends JobLike>(getJob: GetJob<J>, jobId: string, options?: WaitOptions<J>): JobWait<J> {
  if (typeof getJob !== "function") return rejectedWait(new InvalidArgumentError("getJob", "must be a function"));
  return waitWith(pollWith(getJob), jobId, options);
}

/** `waitForJob` polling through `poll` (`client.waitForJob` passes its client's `POLL` method). */
export function waitWith<J extends JobLike>(poll: Poll<J>, jobId: string, options?: WaitOptions<J>): JobWait<J> {
  const settings = { rate: Number.POSITIVE_INFINITY, maxConcurrent: 1, random: Math.random, defaults: {} };
  return createEngine<J>({ ...settings, poll, clock: realClock() }).wait(jobId, options);
}

// ---- Simulation --------------------------------------------------------------------------------

/** A job in the simulation; times are ms after its `begin_time`. */
export interface SimulatedJob {
  /** When it ends (SUCCESS). */ readonly durationMs: number;
  /** When each sub-job ends; default none. Sub-jobs not ended by then count as running. */ readonly subJobEndsMs?: readonly number[];
}

/** How the simulated wait runs. */
export interface SimulationOptions {
  /** When the wait starts, ms after `begin_time`. Default 0. */ readonly waitStartMs?: number;
  /** Default 24 h. */ readonly timeoutMs?: number;
  /** Round trip of each request; the server reads the job half-way. Default 0. */ readonly latencyMs?: number;
  /** `minDelayMs` the wait enforces on any policy. Default 1000. */ readonly minDelayMs?: number;
  /** Makes poll number `n` (1-based) fail with a transient error, optionally with `Retry-After`. */
  readonly fault?: (poll: number, atMs: number) => { readonly retryAfterMs?: number } | undefined;
  /** Jitter source. Default: a fixed-seed generator, so runs repeat exactly. */ readonly random?: () => number;
}

/** What a simulated wait did. */
export interface SimulationResult {
  /** Requests sent. */ readonly requests: number;
  /** When each request was sent, ms after `begin_time`. */ readonly pollTimesMs: readonly number[];
  /** When the wait learned that the job ended (ms after `begin_time`); `undefined` on timeout. */
  readonly detectedAtMs: number | undefined;
  /** `detectedAtMs − durationMs`: how late the end was noticed. */ readonly detectionDelayMs: number | undefined;
  readonly timedOut: boolean;
}

/** A clock that jumps from timer to timer: `run()` fires them in time order (ties in the order set) until none is left. */
function simulatedClock(time: number): Clock & { run(): void } {
  type Timer = { readonly at: number; readonly fire: () => void };
  const timers = new Set<Timer>();
  const earliest = () => [...timers].reduce<Timer | undefined>((first, t) => (first === undefined || t.at < first.at ? t : first), undefined);
  return {
    now: () => time,
    setTimer(fire, delayMs) {
      const timer = { at: time + Math.max(0, delayMs), fire };
      timers.add(timer);
      return timer;
    },
    clearTimer: (timer) => void timers.delete(timer as Timer),
    run() {
      for (let next = earliest(); next !== undefined; next = earliest()) {
        timers.delete(next);
        time = next.at;
        next.fire();
      }
    },
  };
}

/**
 * Runs one wait against one simulated job on a simulated clock: the real engine of `waitForJob` (same scheduling,
 * `minDelayMs`, `Retry-After`, final poll trimmed to the deadline), with the clock jumping from timer to timer —
 * synchronous and exact. Use it to compare policies.
 *
 * @example
 * const fixed = simulatePolicy(() => 1000, 600_000);
 * const adaptive = simulatePolicy(adaptivePollingPolicy(), 600_000);
 * console.log(adaptive.requests / fixed.requests, adaptive.detectionDelayMs);
 */
export function simulatePolicy(policy: PollingPolicy, job: SimulatedJob | number, options: SimulationOptions = {}): SimulationResult {
  const { durationMs, subJobEndsMs = [] } = typeof job === "number" ? { durationMs: job } : job;
  const { waitStartMs = 0, timeoutMs = 86_400_000, latencyMs = 0, minDelayMs = 1000, fault } = options;
  const clock = simulatedClock(waitStartMs);
  const pollTimesMs: number[] = [];
  let detectedAtMs: number | undefined;
  const poll: Poll<JobLike> = (_jobId, slot, answer) => {
    const sentAt = clock.now();
    pollTimesMs.push(sentAt);
    const failure = fault?.(pollTimesMs.length, sentAt);
    const readAt = sentAt + latencyMs / 2;
    const ended = failure === undefined && readAt >= durationMs;
    const outcome: Outcome<JobLike> = failure ? { error: { retryable: true, retryAfterMs: failure.retryAfterMs } } : { job: simulatedBody(ended, subJobEndsMs, readAt) };
    const timer = clock.setTimer(() => {
      if (ended) detectedAtMs = clock.now();
      answer(outcome);
    }, latencyMs);
    slot.call = { abort: () => clock.clearTimer(timer) };
  };
  const settings = { rate: Number.POSITIVE_INFINITY, maxConcurrent: 1, random: options.random ?? seededRandom(1), defaults: {} };
  createEngine({ ...settings, poll, clock })
    .wait("simulated", { policy, minDelayMs, timeoutMs })
    .catch(() => undefined); // the outcome is read off the simulation: a timeout is a result here
  clock.run();
  const detectionDelayMs = detectedAtMs === undefined ? undefined : detectedAtMs - durationMs;
  return { requests: pollTimesMs.length, pollTimesMs, detectedAtMs, detectionDelayMs, timedOut: detectedAtMs === undefined };
}

/** The body a simulated job has at `at` ms after its `begin_time` (the epoch). */
function simulatedBody(ended: boolean, subJobEndsMs: readonly number[], at: number): JobLike {
  const sub_jobs = subJobEndsMs.map((end, i) => ({ job_id: `s${i}`, job_type: "simulated", status: end <= at ? "SUCCESS" : "RUNNING" }));
  return { job_id: "simulated", job_type: "simulated", status: ended ? "SUCCESS" : "RUNNING", begin_time: "1970-01-01T00:00:00.000Z", entities: { sub_jobs } } as JobLike;
}

/** mulberry32: a small, fast generator with a fixed seed, so simulations repeat exactly. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let x = Math.imul(a ^ (a >>> 15), 1 | a);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4_294_967_296;
  };
}
