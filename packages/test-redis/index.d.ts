/** No redis-server could be found or unpacked: Redis tests fail (they never skip) and say what to set. */
export declare class RedisMissingError extends Error {
  readonly name: "RedisMissingError";
  readonly code: "REDIS_MISSING";
}
/** The redis-server to run: `REDIS_SERVER`, `redis-server` on `PATH`, or Debian's package unpacked without root. */
export declare function findRedisServer(): { command: string; env: Record<string, string> };
/** A throwaway redis-server on 127.0.0.1 that stops with this process; `stop()` ends it, `start()` brings it back on the same port. */
export declare function startRedis(): Promise<{ url: string; port: number; start(): Promise<void>; stop(): Promise<void> }>;
