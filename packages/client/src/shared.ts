// The shared watcher: waits in many processes, on many machines, under one request cap and one 429 pause, kept in
// Redis (through ioredis) by three atomic scripts. Only opaque ids and times are written there, never a credential.
import type { Redis } from "ioredis";
import { CloudJobsError, InvalidArgumentError, classifyPollError } from "./errors.js";
import type { JobLike } from "./jobs.js";
import type { GetJob, JobWatcherOptions } from "./options.js";
import { resolveWatcherOptions } from "./wait-options.js";
import { capOf, throttlePauseMs } from "./policy.js";
import { setTimer } from "./timer.js";
import { createJobWatcher, type JobWatcher } from "./wait.js";

/** Redis could not be reached when the watcher was created, or `ioredis` is not installed; `cause` has the reason. */
export class SharedCapError extends CloudJobsError {
  override readonly name = "SharedCapError";
  readonly code = "SHARED_CAP_UNAVAILABLE";
}

/** What the watcher uses of a Redis client: ioredis's `eval(script, numKeys, ...keysAndArgs)`. */
export interface RedisEval {
  eval(script: string, numKeys: number, ...keysAndArgs: (string | number)[]): Promise<unknown>;
}

/** Where the shared cap lives. */
export interface SharedCapOptions {
  /** A `redis://` or `rediss://` URL (the watcher connects with ioredis, and disconnects on `close`), or an ioredis client (yours to close). */
  readonly redis: string | RedisEval;
  /** Name of the cap: watchers on the same Redis with the same key share one. Default `cloud-jobs`. One per tenant (project). */
  readonly key?: string;
  /**
   * Called once when Redis stops answering (`shared: false`: waits go on under this process's own cap, nothing is lost)
   * and once when it answers again (`shared: true`). Default: one `console.warn` line each.
   */
  readonly onSharingChange?: (event: { readonly shared: boolean; readonly error?: unknown }) => void;
}

/** Options of `createSharedJobWatcher`: those of `createJobWatcher` with a finite `maxRequestsPerSecond`, and where to share it. */
export type SharedJobWatcherOptions<J extends JobLike> = JobWatcherOptions<J> & { readonly shared: SharedCapOptions };

/** How long an answered-never request (a process killed mid-request) keeps its place: then it is assumed gone. */
const HOLD_MS = 120_000;
/** Longest sleep between two asks when the cap is full (places held by requests in flight free when they are answered). */
const MAX_RETRY_MS = 250;

const NOW = "local t = redis.call('TIME') local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)";
/**
 * A place in the cap: `KEYS[1]` a sorted set of requests scored by when their place frees (in flight: `now + hold`;
 * answered: the answer's time), `KEYS[2]` the end of a 429 pause. Returns 0 (granted), `-ms` (paused) or `ms` (full).
 * One clock, Redis's, for every process; the proof that arrivals stay under the cap is `RequestRateLimiter`'s.
 */
const ACQUIRE = `${NOW}
local paused = tonumber(redis.call('GET', KEYS[2]) or '0')
if paused > now then return now - paused end
local window = tonumber(ARGV[2])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - window)
if redis.call('ZCARD', KEYS[1]) < tonumber(ARGV[1]) then
  redis.call('ZADD', KEYS[1], now + tonumber(ARGV[4]), ARGV[3])
  redis.call('PEXPIRE', KEYS[1], tonumber(ARGV[4]) + window)
  return 0
end
local first = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
return math.max(1, tonumber(first[2]) + window - now)`;
/** The request `ARGV[1]` was answered: its place frees one window from now. */
const RELEASE = `${NOW} return redis.call('ZADD', KEYS[1], 'XX', now, ARGV[1])`;
/** A 429: no process sends before `now + ARGV[1]` ms (a later pause already set stays). */
const PAUSE = `${NOW}
local untilMs = now + tonumber(ARGV[1])
if untilMs > tonumber(redis.call('GET', KEYS[1]) or '0') then redis.call('SET', KEYS[1], untilMs, 'PX', ARGV[1]) end
return 0`;

type Waiter = { readonly grant: (member: string | undefined) => void; readonly signal: AbortSignal | undefined };

/** This process's side of the shared cap: one queue of requests asking Redis for a place, one ask at a time. */
class SharedCap {
  private readonly queue: Waiter[] = [];
  private readonly keys: { readonly arrivals: string; readonly pause: string };
  private readonly self = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
  private asked = 0;
  private draining = false;
  private shared = true;
  private closed = false;
  /** Ends the sleep between two asks (on close, so that no timer keeps the process alive). */ private wake: (() => void) | undefined;

  constructor(
    private readonly redis: RedisEval,
    key: string,
    private readonly cap: { readonly limit: number; readonly windowMs: number },
    private readonly onSharingChange: NonNullable<SharedCapOptions["onSharingChange"]>,
  ) {
    this.keys = { arrivals: `{${key}}:arrivals`, pause: `{${key}}:pause` };
  }

  /** Resolves with the request's place (`undefined` when Redis is away: the local cap alone applies); rejects on abort. */
  acquire(signal: AbortSignal | undefined): Promise<string | undefined> {
    return new Promise((resolve, reject) => {
      const leave = () => {
        const index = this.queue.indexOf(waiter);
        if (index >= 0) this.queue.splice(index, 1);
        reject(signal?.reason);
      };
      const waiter: Waiter = { grant: (member) => (signal?.removeEventListener("abort", leave), resolve(member)), signal };
      if (signal?.aborted) return leave();
      signal?.addEventListener("abort", leave, { once: true });
      this.queue.push(waiter);
      void this.drain();
    });
  }

  /** The request holding `member` was answered; a throttled answer pauses every process until its `Retry-After`. */
  settle(member: string | undefined, error?: unknown): void {
    const ignore = () => undefined;
    if (member !== undefined) this.redis.eval(RELEASE, 1, this.keys.arrivals, member).catch(ignore);
    const { kind, retryAfterMs } = classifyPollError(error);
    if (error !== undefined && kind === "throttled") this.redis.eval(PAUSE, 1, this.keys.pause, throttlePauseMs(1, retryAfterMs)).catch(ignore);
  }

  /** Asks Redis for a place for the first request in the queue until the queue is empty; sleeps while it is full or paused. */
  private async drain(): Promise<void> {
    if (this.draining) return;
    this.draining = true;
    try {
      while (this.queue.length > 0) {
        const member = `${this.self}:${++this.asked}`;
        let answer: number;
        try {
          answer = Number(await this.redis.eval(ACQUIRE, 2, this.keys.arrivals, this.keys.pause, this.cap.limit, this.cap.windowMs, member, HOLD_MS));
          this.sharing(true);
        } catch (error) {
          this.sharing(false, error);
          for (const waiter of this.queue.splice(0)) waiter.grant(undefined);
          return;
        }
        if (answer === 0) {
          const waiter = this.queue.shift(); // the one that asked may have left meanwhile: the next one takes the place
          if (waiter === undefined) this.settle(member);
          else waiter.grant(member);
        } else {
          await new Promise<void>((wake) => {
            const timer = setTimer(wake, answer < 0 ? -answer : Math.min(answer, MAX_RETRY_MS));
            this.wake = () => (clearTimeout(timer), wake());
          });
          if (this.closed) return;
        }
      }
    } finally {
      this.draining = false;
    }
  }

  /** The watcher closed: its waits have ended; an ask that fails from now on is the disconnect, not an outage. */
  close(): void {
    this.closed = true;
    this.wake?.();
  }

  private sharing(shared: boolean, error?: unknown): void {
    if (shared === this.shared || this.closed) return;
    this.shared = shared;
    this.onSharingChange(shared ? { shared } : { shared, error });
  }
}

/** `redis://user:secret@host` without the secret, for messages. */
const redact = (url: string) => url.replace(/\/\/[^@/]*@/, "//***@");

/** An ioredis client for `url` that fails commands at once while disconnected (the local cap then applies) and reconnects. */
async function connect(url: string): Promise<Redis> {
  const protocol = URL.canParse(url) ? new URL(url).protocol : "";
  if (protocol !== "redis:" && protocol !== "rediss:") throw new InvalidArgumentError("shared.redis", `must be a redis:// or rediss:// URL, not ${JSON.stringify(redact(url))}`);
  let Client: typeof Redis;
  try {
    ({ Redis: Client } = await import("ioredis"));
  } catch (cause) {
    throw new SharedCapError("createSharedJobWatcher needs the package ioredis: install it beside @cloud-jobs/client", { cause });
  }
  const options = { lazyConnect: true, enableOfflineQueue: false, maxRetriesPerRequest: 0, connectTimeout: 2_000, commandTimeout: 1_000 };
  const redis = new Client(url, { ...options, retryStrategy: (times: number) => Math.min(100 * times, 2_000) });
  let failure: unknown; // later outages are reported through the commands that fail, once each
  redis.on("error", (error: unknown) => (failure ??= error));
  try {
    await redis.connect();
    return redis;
  } catch (closed) {
    redis.disconnect();
    const cause = failure ?? closed; // the socket's error says more than "Connection is closed"
    throw new SharedCapError(`cannot reach Redis at ${redact(url)}: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
  }
}

/**
 * A `createJobWatcher` whose cap is shared through Redis with every watcher on the same Redis and `shared.key`, in any
 * process on any machine: together they send at most `floor(maxRequestsPerSecond)` requests that *arrive* in any one
 * second, counted on Redis's clock from a request's place until one window after its answer; a 429 (or a throttling
 * code) seen by any of them pauses all of them until its `Retry-After`. Each process also keeps its own cap at the same
 * rate, which is all that applies while Redis is away: waits then go on, and share again when it is back.
 * `wait`, `close` and `stats` behave as `createJobWatcher`'s; `close` also disconnects a Redis it connected.
 *
 * @throws InvalidArgumentError for bad options, SharedCapError when Redis cannot be reached (or ioredis is missing)
 * @example
 * const watcher = await createSharedJobWatcher({ client, maxRequestsPerSecond: 20, shared: { redis: "redis://ci-redis:6379", key: projectId } });
 * await Promise.all(jobIds.map((id) => watcher.wait(id)));
 * watcher.close();
 */
export async function createSharedJobWatcher<J extends JobLike>(options: SharedJobWatcherOptions<J>): Promise<JobWatcher<J>> {
  const { shared, ...local } = (typeof options === "object" && options !== null ? options : {}) as SharedJobWatcherOptions<J>;
  const { getJob, rate } = resolveWatcherOptions<J>(local);
  if (!Number.isFinite(rate)) throw new InvalidArgumentError("maxRequestsPerSecond", "must be finite to be shared");
  if (typeof shared !== "object" || shared === null) throw new InvalidArgumentError("shared", "must be an object with redis");
  const { redis, key = "cloud-jobs", onSharingChange } = shared;
  if (typeof key !== "string" || !/^[^\s{}]{1,200}$/.test(key)) throw new InvalidArgumentError("shared.key", "must be 1–200 characters without spaces or braces");
  if (onSharingChange !== undefined && typeof onSharingChange !== "function") throw new InvalidArgumentError("shared.onSharingChange", "must be a function");
  if (typeof redis !== "string" && typeof redis?.eval !== "function") throw new InvalidArgumentError("shared.redis", "must be a redis:// URL or an ioredis client");
  const where = typeof redis === "string" ? redact(redis) : "Redis";
  const warn = ({ shared: on, error }: { shared: boolean; error?: unknown }) =>
    console.warn(on ? `cloud-jobs: ${where} answers again: waits share its cap again` : `cloud-jobs: ${where} does not answer (${error instanceof Error ? error.message : String(error)}): waits go on under this process's own cap of ${rate}/s`);
  const owned = typeof redis === "string" ? await connect(redis) : undefined;
  const cap = new SharedCap(owned ?? (redis as RedisEval), key, capOf(rate), onSharingChange ?? warn);
  const gated: GetJob<J> = async (jobId, o) => {
    const member = await cap.acquire(o.signal);
    try {
      const job = await getJob(jobId, o);
      cap.settle(member);
      return job;
    } catch (error) {
      cap.settle(member, error);
      throw error;
    }
  };
  const { client: _, getJob: __, ...tuning } = local as JobWatcherOptions<J> & { client?: unknown };
  const watcher = createJobWatcher<J>({ ...tuning, getJob: gated });
  return {
    ...watcher,
    close() {
      watcher.close();
      cap.close();
      owned?.disconnect();
    },
  };
}
