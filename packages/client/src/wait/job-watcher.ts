import type { JobWatcher, JobWatcherStats } from "./job-watcher-types.js";
import { RequestRateLimiter } from "./request-rate-limiter.js";
import { ScheduledWait, heapByDeadline, heapByNextPoll } from "./scheduled-wait.js";
import { SingleTimer } from "./single-timer.js";
import type { JobLike } from "./types.js";
import { createWaitHandle, rejectedWaitHandle, type JobWait } from "./wait-handle.js";
import { resolveWaitOptions, type WaitOptions } from "./wait-options.js";
import { WaitRun, type WaitDecision, type WaitEnd } from "./wait-run.js";
import { WatcherClosedError } from "./watcher-closed-error.js";
import { resolveWatcherOptions, type JobWatcherOptions } from "./watcher-options.js";

/**
 * Schedules the polls of many waits under one request-rate cap, with a single
 * timer for all of them: every wait sits in a heap ordered by its next poll and
 * in one ordered by its deadline, and the timer fires for the earliest of the
 * two or when the rate budget frees up. Polls are paced, not batched: under a
 * cap of `N` per second they start `1/N` s apart, earliest due first (at most
 * `ceil(N / 100)` at once). On a 429 every wait pauses until `Retry-After` and
 * the cap is halved for a while (see `RequestRateLimiter`). Each wait keeps
 * the semantics of `waitForJob`.
 *
 * @example
 * const watcher = createJobWatcher({ client, maxRequestsPerSecond: 20 });
 * const jobs = await Promise.all(jobIds.map((id) => watcher.wait(id, { timeoutMs: 3_600_000 })));
 * watcher.close();
 */
export function createJobWatcher<J extends JobLike>(options: JobWatcherOptions<J>): JobWatcher<J> {
  const { getJob, rate, maxConcurrent, random, defaults } = resolveWatcherOptions(options);
  const limiter = new RequestRateLimiter(rate);
  const polls = heapByNextPoll<J>();
  const deadlines = heapByDeadline<J>();
  const active = new Set<ScheduledWait<J>>();
  const timer = new SingleTimer(pump);
  let [inFlight, requests, throttled] = [0, 0, 0];
  let closed = false;
  let clock = Number.NEGATIVE_INFINITY;
  const now = (): number => (clock = Math.max(clock, Date.now())); // the system clock may be set back; the schedule must not

  function end(entry: ScheduledWait<J>, how: WaitEnd<J>): void {
    if (!entry.run.finish(how)) return;
    active.delete(entry);
    polls.delete(entry);
    deadlines.delete(entry);
    const request = entry.release();
    if (request !== undefined) {
      inFlight -= 1;
      request.abort(how.end === "reject" ? how.error : undefined);
    }
  }

  function apply(entry: ScheduledWait<J>, decision: WaitDecision<J>): void {
    if (entry.run.ended) return; // a hook (onProgress, onRetry) aborted or closed it meanwhile
    if (decision.end !== undefined) return end(entry, decision);
    if (decision.throttled !== undefined) {
      throttled += 1;
      limiter.onThrottle(now(), decision.throttled.retryAfterMs, entry.run.sentAt);
    }
    if (decision.nextPollAt === undefined) return; // no poll fits before the deadline: the deadline heap ends it
    entry.dueAt = decision.nextPollAt;
    polls.update(entry);
  }

  function send(entry: ScheduledWait<J>): void {
    const request = new AbortController();
    const run = entry.run;
    entry.request = request;
    inFlight += 1;
    requests += 1;
    const answered = (decide: (t: number) => WaitDecision<J>) => {
      if (entry.request !== request) return; // the wait ended while this request was in flight
      entry.request = undefined;
      inFlight -= 1;
      let decision: WaitDecision<J>;
      try {
        decision = decide(now());
      } catch (error) {
        decision = { end: "reject", error }; // e.g. a custom getJob that resolved with something that is not a job
      }
      apply(entry, decision);
      pump();
    };
    run.markSent(now());
    const answer = new Promise<J>((resolve) => resolve(getJob(run.options.jobId, { signal: request.signal })));
    limiter.record(now()); // stamped once the request has started (see RequestRateLimiter.record)
    answer.then(
      (job) => answered((t) => (limiter.onSuccess(), run.onJob(job, t, random()))),
      (error: unknown) => answered((t) => run.onError(error, t, random())),
    );
  }

  function pump(): void {
    const t = now();
    for (let e = deadlines.peek(); e !== undefined && e.deadlineAt <= t; e = deadlines.peek()) {
      end(e, { end: "reject", error: e.run.timeoutError() });
    }
    // A fresh time per request: even a small burst takes time to send, and the cap holds on the real clock.
    for (let e = polls.peek(); e !== undefined && e.dueAt <= t; e = polls.peek()) {
      if (inFlight >= maxConcurrent || !limiter.allows(now())) break;
      polls.delete(e);
      send(e);
    }
    const later = now();
    let next = deadlines.peek()?.deadlineAt ?? Number.POSITIVE_INFINITY;
    const due = polls.peek();
    if (due !== undefined && due.dueAt > later) next = Math.min(next, due.dueAt);
    // When the in-flight cap holds polls back, the next answer pumps again.
    else if (due !== undefined && inFlight < maxConcurrent) next = Math.min(next, Math.max(later + 1, limiter.nextAllowedAt(later)));
    timer.set(next, later);
  }

  function wait(jobId: string, waitOptions?: WaitOptions<J>): JobWait<J> {
    let entry: ScheduledWait<J>;
    try {
      if (closed) throw new WatcherClosedError(String(jobId));
      entry = new ScheduledWait(new WaitRun(resolveWaitOptions(jobId, waitOptions, defaults, now())));
    } catch (error) {
      return rejectedWaitHandle(error);
    }
    const run = entry.run;
    const handle = createWaitHandle(run.promise, () => run.getState());
    const signal = run.options.signal;
    if (signal?.aborted) {
      run.finish({ end: "reject", error: signal.reason });
      return handle;
    }
    entry.attachSignal(() => {
      end(entry, { end: "reject", error: signal?.reason });
      pump();
    });
    active.add(entry);
    entry.dueAt = now();
    polls.update(entry);
    deadlines.update(entry);
    pump();
    return handle;
  }

  function close(): void {
    closed = true;
    for (const e of [...active]) end(e, { end: "reject", error: new WatcherClosedError(e.run.options.jobId) });
    timer.clear();
  }

  function stats(): JobWatcherStats {
    return { waits: active.size, inFlight, requests, throttled, currentLimit: limiter.currentLimit(now()) };
  }

  return { wait, close, stats };
}
