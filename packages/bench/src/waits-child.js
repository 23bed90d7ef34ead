// Item 4's waiting process: 10,000 waits on one watcher, forked by waits.js with the jobs to wait for. It loads the client
// and nothing else (the mock server, the fixtures and the report stay in the bench process), as a user's waiting process
// would, so that its memory is the waits' own.
import { subscribe } from "node:diagnostics_channel";
import { PerformanceObserver, constants, monitorEventLoopDelay } from "node:perf_hooks";
import { createJobsClient, createJobWatcher } from "@cloud-jobs/client";
import { POLL } from "@cloud-jobs/client/internal";
import { busiestWindow, quantile } from "./lib/measure.js";

process.once("message", async (/** @type {{ url: string, projectId: string, token: string, jobIds: string[], maxRequestsPerSecond: number, measureHeap: boolean, viaGetJob: boolean }} */ task) => {
  const [sentAt, fetchedAt, lagMs] = [/** @type {number[]} */ ([]), /** @type {number[]} */ ([]), /** @type {number[]} */ ([])];
  const dispatchedAt = new Map(); // job id → when its poll in progress was dispatched
  // The client's own transport (node:http on Node), watched through node:http's channel rather than wrapped.
  subscribe("http.client.request.start", (/** @type {any} */ { request }) => {
    const now = performance.now();
    fetchedAt.push(now);
    lagMs.push(now - dispatchedAt.get(request.path.slice(request.path.lastIndexOf("/") + 1)));
  });
  const client = createJobsClient({ service: "ecs", projectId: task.projectId, endpoint: task.url, auth: { token: task.token } });
  const stamp = (/** @type {string} */ jobId) => {
    const now = performance.now();
    sentAt.push(now);
    dispatchedAt.set(jobId, now);
  };
  // The watcher is given the client, as its documentation says to: the client's poll method (the one the watcher calls,
  // with no AbortSignal per poll) is wrapped to stamp each dispatch. With `viaGetJob`, a getJob wrapper instead, as a user
  // might write one: the watcher gives it an AbortSignal per poll.
  const source = task.viaGetJob
    ? { getJob: (/** @type {string} */ jobId, /** @type {{ signal?: AbortSignal }} */ options) => (stamp(jobId), client.getJob(jobId, { ...options, retry: false })) }
    : {
        client: Object.create(client, {
          [POLL]: { value: (/** @type {string} */ jobId, /** @type {import("@cloud-jobs/client/internal").CancelSlot} */ slot) => (stamp(jobId), /** @type {any} */ (client)[POLL](jobId, slot)) },
        }),
      };
  const watcher = createJobWatcher({ ...source, maxRequestsPerSecond: task.maxRequestsPerSecond, timeoutMs: 600_000 });
  /** Heap in use after a full collection (the child runs with --expose-gc); only in the heap run: a forced collection moves V8's heap limits, and so the peak RSS a user would see. */
  const heap = () => (task.measureHeap ? /** @type {() => void} */ (globalThis.gc)() : undefined, process.memoryUsage().heapUsed);
  const [heapBefore, rssBefore] = [heap(), process.memoryUsage.rss()];
  let rssPeak = rssBefore;
  const sampler = setInterval(() => (rssPeak = Math.max(rssPeak, process.memoryUsage.rss())), 100);
  // Collections during the waits: a full one (mark-compact) per old generation filled with what young ones promoted.
  const gc = { major: 0, minor: 0, pauseMs: 0 };
  const gcObserver = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      const kind = /** @type {{ detail?: { kind?: number } }} */ (entry).detail?.kind;
      gc.major += kind === constants.NODE_PERFORMANCE_GC_MAJOR ? 1 : 0;
      gc.minor += kind === constants.NODE_PERFORMANCE_GC_MINOR ? 1 : 0;
      gc.pauseMs += entry.duration;
    }
  });
  const loopDelay = monitorEventLoopDelay({ resolution: 10 });
  loopDelay.enable();
  const started = performance.now();
  if (!task.measureHeap) gcObserver.observe({ entryTypes: ["gc"] }); // the heap run forces collections of its own
  const waits = Promise.allSettled(task.jobIds.map((id) => watcher.wait(id)));
  const heapStarted = heap();
  const outcomes = await waits;
  const wallMs = performance.now() - started;
  clearInterval(sampler);
  loopDelay.disable();
  gcObserver.disconnect();
  const { throttled } = watcher.stats();
  watcher.close();
  const failures = outcomes.filter((o) => o.status === "rejected" || o.value.status !== "SUCCESS");
  const first = failures[0];
  const result = {
    ...{ waits: task.jobIds.length, wallMs, requests: sentAt.length, throttled, failures: failures.length, rssBefore },
    ...{ busiestDispatched: busiestWindow(sentAt), busiestTenthDispatched: busiestWindow(sentAt, 100), busiestFetched: busiestWindow(fetchedAt) },
    ...{ lagP50Ms: quantile(lagMs, 0.5), lagP99Ms: quantile(lagMs, 0.99), lagMaxMs: Math.max(...lagMs) },
    ...{ loopP99Ms: loopDelay.percentile(99) / 1e6, loopMaxMs: loopDelay.max / 1e6, heapPerWait: (heapStarted - heapBefore) / task.jobIds.length },
    ...{ gcMajor: gc.major, gcMinor: gc.minor, gcPauseMs: gc.pauseMs },
    ...{ heapAfterClose: heap() - heapBefore, rssPeak: Math.max(rssPeak, process.resourceUsage().maxRSS * 1024) },
    firstFailure: first === undefined ? undefined : first.status === "rejected" ? String(first.reason) : `status ${first.value.status}`,
  };
  process.send?.(result, () => process.exit(0));
});
