// `cloud-jobs wait --redis`: several runs of the binary, as a CI fleet starts them, share one cap and one 429 pause
// through a real redis-server; arrivals are counted by a proxy in front of the mock server, as the cloud counts them.
import { setTimeout as sleep } from "node:timers/promises";
import { startRedis } from "test-redis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { countingProxy, runCli, startCli, TOKEN, TOKEN_ENV as env, useJobServer, type ProxiedRequest } from "./support/harness.js";

const server = useJobServer();
let redis: Awaited<ReturnType<typeof startRedis>>;
beforeAll(async () => void (redis = await startRedis()));
afterAll(() => redis?.stop());

/** The most requests that arrived within any one second. */
function busiestSecond(log: readonly ProxiedRequest[]): number {
  const times = log.map((r) => r.at).sort((a, b) => a - b);
  let [best, first] = [0, 0];
  for (let last = 0; last < times.length; last++) {
    while (times[last]! - times[first]! >= 1000) first++;
    best = Math.max(best, last - first + 1);
  }
  return best;
}

/** `runs` runs of `cloud-jobs wait` at once, each for its own `perRun` jobs that outlast the test, through a fresh proxy. */
async function fleet(runs: number, perRun: number, extra: (run: number) => string[], timeout = "4s", envOf = (_run: number): Record<string, string> => ({})) {
  const proxy = await countingProxy(server.url);
  const ids = Array.from({ length: runs }, () => Array.from({ length: perRun }, () => server.createJob({ duration_ms: 600_000, sub_jobs: 0 })));
  const args = (run: number) => ["wait", ...ids[run]!, "--service", "ecs", "--endpoint", proxy.url, "--max-rps", "20", "--timeout", timeout, ...extra(run)];
  const started = ids.map((_, run) => startCli(args(run), { ...env, ...envOf(run) }));
  return { ids, proxy, started, done: () => Promise.all(started.map((cli) => cli.done)).finally(() => proxy.close()) };
}

describe("cloud-jobs wait --redis", () => {
  it("keeps 4 runs of 50 waits under one --max-rps 20 as the server counts arrivals; without it they send about 80/s", async () => {
    // One run is given --redis, three take it from CLOUD_JOBS_REDIS.
    const viaEnv = (run: number): Record<string, string> => (run === 0 ? {} : { CLOUD_JOBS_REDIS: redis.url });
    const shared = await fleet(4, 50, (run) => (run === 0 ? ["--redis", redis.url, "--redis-key", "e2e-cap"] : ["--redis-key", "e2e-cap"]), "4s", viaEnv);
    const results = await shared.done();
    expect(results.map((r) => r.code)).toEqual([3, 3, 3, 3]);
    expect(busiestSecond(shared.proxy.log)).toBeLessThanOrEqual(20);
    expect(shared.proxy.total()).toBeGreaterThanOrEqual(40); // it does send, at about the cap
    for (const ids of shared.ids) expect(ids.some((id) => (shared.proxy.counts.get(id) ?? 0) > 0)).toBe(true);
    expect(results.map((r) => `${r.stdout}${r.stderr}`).join("")).not.toContain(TOKEN);

    const apart = await fleet(4, 50, () => []);
    await apart.done();
    expect(busiestSecond(apart.proxy.log)).toBeGreaterThan(20); // about 80 on a quiet machine: each run at its own 20/s
  });

  it("a 429 to one run pauses every run until its Retry-After", async () => {
    const runs = await fleet(3, 10, () => ["--redis", redis.url, "--redis-key", "e2e-pause"], "9s");
    // Once every run is polling (process starts are slow on a busy machine), one job of the first run gets a 429.
    const runOf = (id: string) => runs.ids.findIndex((ids) => ids.includes(id));
    while (new Set(runs.proxy.log.map((r) => runOf(r.id))).size < 3) await sleep(50);
    server.addFault(runs.ids[0]![0]!, "429;retry-after=2", 1);
    await runs.done();
    const throttled = runs.proxy.log.find((r) => r.status === 429);
    expect(throttled?.answeredAt).toBeDefined();
    const answeredAt = throttled!.answeredAt!;
    // Requests already on their way when the 429 came are let through; after that nobody sends until Retry-After.
    expect(runs.proxy.log.filter((r) => r.at > answeredAt + 50 && r.at < answeredAt + 2_000)).toEqual([]);
    const after = runs.proxy.log.filter((r) => r.at >= answeredAt + 2_000);
    expect(new Set(after.map((r) => runOf(r.id)))).toEqual(new Set([0, 1, 2]));
  });

  it("says once that Redis went away and finishes every wait under its own cap", async () => {
    const ids = Array.from({ length: 5 }, () => server.createJob({ duration_ms: 3_000, sub_jobs: 0 }));
    const cli = startCli(["wait", ...ids, "--service", "ecs", "--endpoint", server.url, "--redis", redis.url], env);
    await cli.stdoutMatching(/RUNNING/);
    await redis.stop();
    const run = await cli.done;
    await redis.start();
    expect(run.code).toBe(0);
    expect(run.stdout.trim().split("\n").slice(-5)).toEqual(ids.map((id) => `${id}  SUCCESS`));
    expect(run.stderr.match(/warning: Redis does not answer/g)).toHaveLength(1);
  });

  it("refuses a bad URL (exit 2) and an unreachable Redis (exit 4) before any request", async () => {
    const id = server.createJob();
    const bad = await runCli(["wait", id, "--service", "ecs", "--endpoint", server.url, "--redis", "localhost:6379"], env);
    expect([bad.code, bad.stderr]).toEqual([2, expect.stringContaining('--redis: must be a redis:// or rediss:// URL, not "localhost:6379"')]);
    const refused = await runCli(["wait", id, "--service", "ecs", "--endpoint", server.url], { ...env, CLOUD_JOBS_REDIS: "redis://127.0.0.1:1" });
    expect(refused.code).toBe(4);
    expect(refused.stderr).toMatch(/cannot reach Redis at redis:\/\/127\.0\.0\.1:1: .*ECONNREFUSED.*\n {2}hint: check --redis/);
  });
});
