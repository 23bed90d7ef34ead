// Item 7: one cap for many processes. N processes (forked from this file) wait for their jobs through
// `createSharedJobWatcher` on one redis-server (test-redis); the mock server in this process stamps arrivals through
// node:http's `http.server.request.start` channel. For contrast, the same fleet gated by rate-limiter-flexible's
// `RateLimiterRedis` (a fixed window of `points` per `duration`), the kept library the issue proposed.
import { fork } from "node:child_process";
import { subscribe, unsubscribe } from "node:diagnostics_channel";
import { setTimeout as sleep } from "node:timers/promises";
import { createJobsClient, createJobWatcher } from "@cloud-jobs/client";
import { createSharedJobWatcher } from "@cloud-jobs/client/shared";
import { startMockServer } from "@cloud-jobs/mock-server";
import { Redis } from "ioredis";
import { RateLimiterRedis } from "rate-limiter-flexible";
import { startRedis } from "test-redis";
import { busiestWindow } from "./lib/measure.js";
import { BenchError, num, table } from "./lib/report.js";
import { PROJECT_ID, TOKEN } from "./loopback.js";

if (process.env["BENCH_SHARED_CHILD"] === "1") {
  process.once("message", async (/** @type {{ url: string, redis: string, key: string, engine: string, rate: number, jobIds: string[] }} */ task) => {
    const client = createJobsClient({ service: "ecs", projectId: PROJECT_ID, endpoint: task.url, auth: { token: TOKEN } });
    let watcher;
    /** @type {Redis | undefined} */ let connection;
    if (task.engine === "cloud-jobs") watcher = await createSharedJobWatcher({ client, maxRequestsPerSecond: task.rate, shared: { redis: task.redis, key: task.key } });
    else {
      const redis = (connection = new Redis(task.redis, { enableOfflineQueue: false }));
      await new Promise((resolve) => redis.once("ready", resolve));
      const limiter = new RateLimiterRedis({ storeClient: redis, keyPrefix: task.key, points: Math.floor(task.rate), duration: 1 });
      const getJob = async (/** @type {string} */ id, /** @type {{ signal?: AbortSignal }} */ o) => {
        for (;;) {
          try {
            await limiter.consume("fleet");
            return await client.getJob(id, { ...o, retry: false });
          } catch (rejected) {
            if (!(rejected && typeof rejected === "object" && "msBeforeNext" in rejected)) throw rejected;
            await sleep(/** @type {any} */ (rejected).msBeforeNext);
          }
        }
      };
      watcher = createJobWatcher({ getJob, maxRequestsPerSecond: task.rate });
    }
    const started = performance.now();
    const outcomes = await Promise.allSettled(task.jobIds.map((id) => watcher.wait(id, { timeoutMs: 120_000 })));
    const { requests } = watcher.stats();
    watcher.close();
    connection?.disconnect();
    const failures = outcomes.filter((o) => o.status === "rejected").length;
    process.send?.({ wallMs: performance.now() - started, requests, failures }, () => process.exit(0));
  });
  process.send?.("ready"); // loaded: the jobs are created now, so that slow process starts do not eat into them
}

/** One fleet of `processes` waiting for `waitsEach` jobs each under one cap of `rate`/s; arrivals as the server counts them. */
async function runFleet(/** @type {{ processes: number, waitsEach: number, rate: number, engine: string, redis: string, key: string }} */ plan) {
  const arrivedAt = /** @type {number[]} */ ([]);
  const onArrival = (/** @type {any} */ { request }) => void (request.url.startsWith("/v1/") && arrivedAt.push(performance.now()));
  const mock = await startMockServer({ port: 0 });
  subscribe("http.server.request.start", onArrival);
  try {
    const jobs = (/** @type {number} */ p) => Array.from({ length: plan.waitsEach }, (_, i) => mock.createJob({ service: "ecs", duration_ms: 2_000 + ((p * 7 + i * 13) % 30) * 100, sub_jobs: 0 }).job_id);
    const children = Array.from({ length: plan.processes }, () => fork(new URL(import.meta.url), [], { env: { ...process.env, BENCH_SHARED_CHILD: "1" }, stdio: ["ignore", "inherit", "inherit", "ipc"] }));
    const next = (/** @type {import("node:child_process").ChildProcess} */ child) =>
      new Promise((resolve, reject) => {
        child.once("message", resolve);
        child.once("exit", (code) => reject(new BenchError("SHARED_FAILED", `a waiting process exited with ${code} before reporting`)));
      });
    await Promise.all(children.map(next));
    const started = performance.now();
    const runs = await Promise.all(children.map((child, p) => (child.send({ url: mock.url, redis: plan.redis, key: plan.key, engine: plan.engine, rate: plan.rate, jobIds: jobs(p) }), next(child))));
    const wallMs = performance.now() - started;
    const failures = runs.reduce((n, r) => n + r.failures, 0);
    if (failures > 0) throw new BenchError("SHARED_FAILED", `${failures} waits did not end in SUCCESS`);
    const waits = plan.processes * plan.waitsEach;
    return { ...plan, wallMs, busiest: busiestWindow(arrivedAt), perSecond: arrivedAt.length / (wallMs / 1000), requestsPerWait: arrivedAt.length / waits };
  } finally {
    unsubscribe("http.server.request.start", onArrival);
    await mock.close();
  }
}

/** @param {{ quick: boolean }} options @returns {Promise<import("./lib/report.js").SectionResult>} */
export async function runSharedCap({ quick }) {
  const redis = await startRedis();
  try {
    const [rate, waitsEach] = quick ? [20, 4] : [40, 10];
    const fleets = quick ? [1, 2] : [1, 2, 4, 8];
    const rows = [];
    for (const [engine, processes] of [...fleets.map((n) => ["cloud-jobs", n]), ["rate-limiter-flexible", fleets.at(-1)]]) {
      const run = await runFleet({ processes: Number(processes), waitsEach, rate, engine: String(engine), redis: redis.url, key: `bench-${engine}-${processes}` });
      rows.push(run);
    }
    const over = rows.filter((r) => r.engine === "cloud-jobs" && r.busiest > rate);
    const markdown = [
      `N processes, each waiting for ${waitsEach} ECS jobs (2–5 s) through \`createSharedJobWatcher\` with \`maxRequestsPerSecond: ${rate}\` on one redis-server (the same key): one cap for all of them. The mock server, in the bench process, stamps arrivals when it has read a request's head: what a cloud counts. Last row: the same fleet gated by rate-limiter-flexible's \`RateLimiterRedis\` (${rate} points per 1-s window), the kept library the issue proposed. One run each.`,
      "",
      table(
        ["engine", "processes", "waits", "busiest 1-s window of arrivals", "arrivals per second (mean)", "time for all waits to end", "requests per wait"],
        rows.map((r) => [r.engine, String(r.processes), String(r.processes * r.waitsEach), `${r.busiest} (cap ${rate})`, num(r.perSecond, 1), `${num(r.wallMs / 1000, 1)} s`, num(r.requestsPerWait, 1)]),
      ),
      "",
      `Fixed windows let ${rate} requests at the end of one window and ${rate} more at the start of the next reach the server within a second; ours keeps every request's place from its grant until one window after its answer (Redis's clock, one Lua script), so no sliding second holds more than the cap.`,
    ].join("\n");
    const goals = [{ item: "7. shared cap", goal: `no one-second window of arrivals over the shared cap (${rate}), 1–${fleets.at(-1)} processes`, measured: `at most ${Math.max(...rows.filter((r) => r.engine === "cloud-jobs").map((r) => r.busiest))}`, met: over.length === 0 }];
    return { title: "7. One cap for many processes (Redis)", markdown, goals: quick ? [] : goals };
  } finally {
    await redis.stop();
  }
}
