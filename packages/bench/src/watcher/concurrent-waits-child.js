// The waiting side of item 4, alone in a fresh process so that its peak RSS is
// the waits' and nothing else's: one client, one watcher, N concurrent waits
// against the mock server; every poll is stamped when the watcher dispatches it
// and again when the client hands it to fetch.
import { monitorEventLoopDelay } from "node:perf_hooks";
import { createJobsClient, createJobWatcher } from "@cloud-jobs/client";
import { busiestWindow, quantile } from "../lib/measure.js";

/** @typedef {{ url: string, projectId: string, token: string, jobIds: string[], maxRequestsPerSecond: number }} ChildTask */

process.once("message", async (/** @type {ChildTask} */ task) => {
  const fetchedAt = /** @type {number[]} */ ([]);
  /** Dispatch time of each job's poll in progress, to measure how long the client takes to reach fetch. */
  const dispatchedAt = new Map();
  const lagMs = /** @type {number[]} */ ([]);
  const client = createJobsClient({
    service: "ecs",
    projectId: task.projectId,
    endpoint: task.url,
    auth: { token: task.token },
    fetch: (request) => {
      const now = performance.now();
      fetchedAt.push(now);
      const jobId = request.url.slice(request.url.lastIndexOf("/") + 1);
      lagMs.push(now - dispatchedAt.get(jobId));
      return fetch(request);
    },
  });
  const sentAt = /** @type {number[]} */ ([]);
  const watcher = createJobWatcher({
    getJob: (jobId, options) => {
      const now = performance.now();
      sentAt.push(now);
      dispatchedAt.set(jobId, now);
      return client.getJob(jobId, { ...options, retry: false });
    },
    maxRequestsPerSecond: task.maxRequestsPerSecond,
    timeoutMs: 600_000,
  });
  /** Heap in use after a full collection (the parent forks this process with --expose-gc). */
  const heap = () => (/** @type {() => void} */ (globalThis.gc)(), process.memoryUsage().heapUsed);
  const heapBefore = heap();
  const rssBefore = process.memoryUsage.rss();
  let rssPeakSampled = rssBefore;
  const sampler = setInterval(() => (rssPeakSampled = Math.max(rssPeakSampled, process.memoryUsage.rss())), 100);
  const loopDelay = monitorEventLoopDelay({ resolution: 10 });
  loopDelay.enable();
  const started = performance.now();
  const waits = Promise.allSettled(task.jobIds.map((id) => watcher.wait(id)));
  const heapStarted = heap();
  const outcomes = await waits;
  const wallMs = performance.now() - started;
  clearInterval(sampler);
  loopDelay.disable();
  const stats = watcher.stats();
  watcher.close();
  const heapAfterClose = heap();
  const failures = outcomes.filter((o) => o.status === "rejected" || o.value.status !== "SUCCESS");
  const firstFailure = failures[0];
  process.send?.(
    {
      waits: task.jobIds.length,
      wallMs,
      requests: sentAt.length,
      busiestSecond: busiestWindow(sentAt),
      busiestTenthDispatched: busiestWindow(sentAt, 100),
      busiestFetchSecond: busiestWindow(fetchedAt),
      meanRate: sentAt.length / (wallMs / 1000),
      dispatchToFetchP50Ms: quantile(lagMs, 0.5),
      dispatchToFetchP99Ms: quantile(lagMs, 0.99),
      dispatchToFetchMaxMs: Math.max(...lagMs),
      eventLoopDelayP99Ms: loopDelay.percentile(99) / 1e6,
      eventLoopDelayMaxMs: loopDelay.max / 1e6,
      throttled: stats.throttled,
      heapPerWaitStarted: (heapStarted - heapBefore) / task.jobIds.length,
      heapAfterClose: heapAfterClose - heapBefore,
      rssBefore,
      rssPeak: Math.max(rssPeakSampled, process.resourceUsage().maxRSS * 1024),
      failures: failures.length,
      firstFailure: firstFailure === undefined ? undefined : firstFailure.status === "rejected" ? String(firstFailure.reason) : `status ${firstFailure.value.status}`,
    },
    () => process.exit(0),
  );
});
