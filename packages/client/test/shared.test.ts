// The shared watcher against a real redis-server (test-redis): several watchers stand for several processes, each
// with its own Redis connection; what the server would count is the time each getJob call starts.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { setTimeout as sleep } from "node:timers/promises";
import { Redis } from "ioredis";
import { startRedis } from "test-redis";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createJobsClient, InvalidArgumentError, JobsApiError, WatcherClosedError, type JobLike } from "../src/index.js";
import { createSharedJobWatcher, SharedCapError, type SharedCapOptions } from "../src/shared.js";

let redis: Awaited<ReturnType<typeof startRedis>>;
beforeAll(async () => void (redis = await startRedis()));
afterAll(() => redis?.stop());

const running = (jobId: string): JobLike => ({ job_id: jobId, job_type: "createVolume", status: "RUNNING" });
let keys = 0;
const freshKey = () => `test-${process.pid}-${++keys}`;

/** The largest number of `times` in any window of `windowMs` (sliding). */
function busiestWindow(times: readonly number[], windowMs = 1000): number {
  const sorted = [...times].sort((a, b) => a - b);
  let [best, first] = [0, 0];
  for (let last = 0; last < sorted.length; last++) {
    while (sorted[last]! - sorted[first]! >= windowMs) first++;
    best = Math.max(best, last - first + 1);
  }
  return best;
}

/** `count` watchers of `waitsEach` never-ending waits each, for `forMs`; returns when each getJob call started, per watcher. */
async function run(count: number, waitsEach: number, forMs: number, shared: (i: number) => SharedCapOptions, rate = 10) {
  const arrivals: number[][] = Array.from({ length: count }, () => []);
  const watchers = await Promise.all(
    arrivals.map((log, i) =>
      createSharedJobWatcher({ getJob: async (id) => (log.push(Date.now()), running(id)), maxRequestsPerSecond: rate, minDelayMs: 100, shared: shared(i) }),
    ),
  );
  const waits = watchers.flatMap((w, i) => Array.from({ length: waitsEach }, (_, n) => w.wait(`job-${i}-${n}`, { timeoutMs: forMs }).catch((e: unknown) => e)));
  const ends = await Promise.all(waits);
  watchers.forEach((w) => w.close());
  return { arrivals, all: arrivals.flat(), ends };
}

describe("createSharedJobWatcher", () => {
  it("keeps watchers on one Redis and key under one cap of arrivals; other keys are not held back", async () => {
    const key = freshKey();
    const together = await run(3, 15, 3_000, () => ({ redis: redis.url, key }));
    expect(busiestWindow(together.all)).toBeLessThanOrEqual(10);
    expect(together.all.length).toBeGreaterThanOrEqual(20); // it does send, at about the cap
    expect(together.arrivals.every((log) => log.length > 0)).toBe(true); // every process gets places
    expect(together.ends.every((e) => (e as Error).name === "WaitTimeoutError")).toBe(true);

    const apart = await run(3, 15, 3_000, () => ({ redis: redis.url, key: freshKey() }));
    expect(busiestWindow(apart.all)).toBeGreaterThan(20); // each at its own 10/s
  });

  it("pauses every watcher until the Retry-After of a 429 that one of them got", async () => {
    const key = freshKey();
    const [calls, start] = [[] as { at: number; by: number }[], Date.now()];
    let throttledAt = Number.POSITIVE_INFINITY;
    const getJob = (by: number) => async (id: string) => {
      const at = Date.now();
      calls.push({ at, by });
      if (by === 0 && throttledAt === Number.POSITIVE_INFINITY && at - start > 800) {
        throttledAt = at;
        throw new JobsApiError({ service: "evs", status: 429, code: "APIGW.0308", message: "throttled", retryable: true, retryAfterMs: 1_500 });
      }
      return running(id);
    };
    const watchers = await Promise.all([0, 1, 2].map((by) => createSharedJobWatcher({ getJob: getJob(by), maxRequestsPerSecond: 30, minDelayMs: 100, shared: { redis: redis.url, key } })));
    await Promise.all(watchers.flatMap((w, by) => [1, 2, 3, 4].map((n) => w.wait(`job-${by}-${n}`, { timeoutMs: 4_500 }).catch(() => undefined))));
    watchers.forEach((w) => w.close());
    expect(throttledAt).toBeLessThan(Number.POSITIVE_INFINITY);
    // A request already granted when the 429 came may still go out within a few ms; then nobody sends until Retry-After.
    const during = calls.filter(({ at }) => at > throttledAt + 50 && at < throttledAt + 1_500);
    expect(during).toEqual([]);
    expect(new Set(calls.filter(({ at }) => at >= throttledAt + 1_500).map(({ by }) => by))).toEqual(new Set([0, 1, 2]));
  });

  it("goes on under the local cap when Redis goes away, says so once, and shares again when it is back", async () => {
    const changes: { shared: boolean; error?: unknown }[] = [];
    const bodies = new Map<string, number>();
    const getJob = async (id: string): Promise<JobLike> => {
      const n = (bodies.get(id) ?? 0) + 1;
      bodies.set(id, n);
      return { ...running(id), status: n >= 8 ? "SUCCESS" : "RUNNING" };
    };
    const watcher = await createSharedJobWatcher({ getJob, maxRequestsPerSecond: 20, minDelayMs: 100, shared: { redis: redis.url, key: freshKey(), onSharingChange: (c) => changes.push(c) } });
    const waits = Array.from({ length: 10 }, (_, n) => watcher.wait(`job-${n}`, { timeoutMs: 30_000 }));
    await sleep(600);
    await redis.stop();
    await sleep(1_000);
    expect(changes).toEqual([{ shared: false, error: expect.any(Error) }]);
    await redis.start();
    const jobs = await Promise.all(waits);
    watcher.close();
    expect(jobs.map((job) => job.status)).toEqual(Array(10).fill("SUCCESS"));
    expect(changes.map((c) => c.shared)).toEqual([false, true]);
  });

  it("writes no credential of the cloud to Redis: only its keys, opaque ids and times", async () => {
    const token = "shared-test-token-0123456789";
    const server = createServer((req, res) => {
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify({ ...running(req.url!.split("/").pop()!), status: "SUCCESS" }));
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const monitor = await new Redis(redis.url).monitor();
    const commands: string[] = [];
    monitor.on("monitor", (_time: string, args: string[]) => commands.push(args.join(" ")));
    try {
      const endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      const client = createJobsClient({ service: "evs", endpoint, projectId: "0123456789abcdef0123456789abcdef", auth: { token } });
      const watcher = await createSharedJobWatcher({ client, maxRequestsPerSecond: 5, shared: { redis: redis.url, key: "tenant-a" } });
      await Promise.all(["job-a", "job-b"].map((id) => watcher.wait(id)));
      watcher.close();
      await sleep(100);
    } finally {
      monitor.disconnect();
      server.close();
    }
    expect(commands.some((c) => c.includes("{tenant-a}:arrivals"))).toBe(true);
    expect(commands.filter((c) => /token|0123456789abcdef|job-a/.test(c))).toEqual([]);
  });

  it("refuses bad options and unreachable Redis with clear, typed errors", async () => {
    const getJob = async (id: string) => running(id);
    const make = (shared: unknown, rate: number = 10) => createSharedJobWatcher({ getJob, maxRequestsPerSecond: rate, shared: shared as SharedCapOptions });
    await expect(make({ redis: "http://127.0.0.1:6379" })).rejects.toThrow(new InvalidArgumentError("shared.redis", 'must be a redis:// or rediss:// URL, not "http://127.0.0.1:6379"'));
    await expect(make({ redis: "redis://user:hunter2@127.0.0.1:1" })).rejects.toThrow(SharedCapError);
    await expect(make({ redis: "redis://user:hunter2@127.0.0.1:1" })).rejects.toThrow(/^cannot reach Redis at redis:\/\/\*\*\*@127\.0\.0\.1:1: .*ECONNREFUSED/);
    await expect(make({ redis: redis.url, key: "two words" })).rejects.toThrow(InvalidArgumentError);
    await expect(make({ redis: redis.url }, Number.POSITIVE_INFINITY)).rejects.toThrow("Invalid maxRequestsPerSecond: must be finite to be shared");
    await expect(make(undefined)).rejects.toThrow("Invalid shared: must be an object with redis");
    await expect(make({ redis: 42 })).rejects.toThrow("Invalid shared.redis: must be a redis:// URL or an ioredis client");
  });

  it("close() during a shared pause ends the waits and leaves no timer behind", async () => {
    const key = freshKey();
    const admin = new Redis(redis.url);
    await admin.set(`{${key}}:pause`, String(Date.now() + 60_000), "PX", 60_000); // another process got a 429 with Retry-After: 60
    const [set, clear] = [vi.spyOn(globalThis, "setTimeout"), vi.spyOn(globalThis, "clearTimeout")];
    try {
      const watcher = await createSharedJobWatcher({ getJob: async (id) => running(id), maxRequestsPerSecond: 5, shared: { redis: redis.url, key } });
      const wait = watcher.wait("job-1").catch((error: unknown) => error);
      await sleep(300);
      expect(watcher.stats()).toMatchObject({ waits: 1, requests: 1 }); // its poll waits for the pause to end
      watcher.close();
      expect(await wait).toBeInstanceOf(WatcherClosedError);
      // The sleep until the pause ends (and the wait's deadline) are timers of many seconds: none may outlive close().
      const long = set.mock.calls.flatMap(([, ms], i) => ((ms ?? 0) > 10_000 ? [set.mock.results[i]!.value] : []));
      expect(long.length).toBeGreaterThanOrEqual(2);
      expect(long.filter((timer) => !clear.mock.calls.some(([cleared]) => cleared === timer))).toEqual([]);
    } finally {
      set.mockRestore();
      clear.mockRestore();
      admin.disconnect();
    }
  });

  it("uses an ioredis client it is given, and leaves it open on close", async () => {
    const connection = new Redis(redis.url);
    const watcher = await createSharedJobWatcher({ getJob: async (id) => ({ ...running(id), status: "SUCCESS" }), maxRequestsPerSecond: 5, shared: { redis: connection, key: freshKey() } });
    await expect(watcher.wait("job-1")).resolves.toMatchObject({ status: "SUCCESS" });
    watcher.close();
    expect(await connection.ping()).toBe("PONG");
    connection.disconnect();
  });
});
