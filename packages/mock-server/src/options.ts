import { MockError } from "./answer.js";
import { fixtures as allFixtures, isServiceName, type Fixture, type ServiceName } from "@cloud-jobs/fixtures";

/** Options of `startMockServer`. All optional. */
export interface MockServerOptions {
  /** TCP port; 0 (the default) picks a free one — read it back from `url`. */
  readonly port?: number;
  /** Interface to bind; 127.0.0.1 by default, so nothing outside the machine can reach the mock. */
  readonly host?: string;
  /** The clock simulated jobs move by, in ms since the epoch; inject one so tests need no sleeping. */
  readonly now?: () => number;
  /** Service of requests whose Host names none (e.g. `127.0.0.1:4010`); unset: the service of the job asked for. */
  readonly service?: ServiceName;
  /** With `secretKey`: SDK-HMAC-SHA256 signatures are verified against this key pair (401 APIGW.0301 on mismatch). */
  readonly accessKey?: string;
  readonly secretKey?: string;
  /** When set, `X-Auth-Token` must equal it; otherwise any non-empty token is accepted. */
  readonly token?: string;
  /** The fixtures to serve; all of `@cloud-jobs/fixtures` by default. */
  readonly fixtures?: readonly Fixture[];
  /** Called with one line per request (`GET /v1/…/jobs/… 200 evs`) and per client error (`client error ERR_HTTP_REQUEST_TIMEOUT: 408`). */
  readonly log?: (line: string) => void;
  /** Connection timeouts; the defaults suit a local mock on a busy machine (see `MockTimeouts`). */
  readonly timeouts?: Partial<MockTimeouts>;
  /** Answer CORS preflights and allow any origin, for browser pages on another origin (see `cors.ts`); off by default. */
  readonly cors?: boolean;
}

/**
 * How long the mock waits on a client, in ms. Node counts the headers timeout
 * of a connection's first request from the moment it accepted the connection,
 * so on a loaded machine a client that connects and is then descheduled can
 * hit it without being slow at all: the defaults are long (Node's own 60 s),
 * and the keep-alive outlasts a poll interval, so that a client reusing a
 * connection seldom races the server closing it.
 */
export interface MockTimeouts {
  /** From accept (or the first byte of a later request) to the end of its headers; then 408. Default 60 000. */
  readonly headersMs: number;
  /** From the same moment to the end of the request; then 408. Default 120 000, never below `headersMs`. */
  readonly requestMs: number;
  /** An idle keep-alive connection is closed after this (and the client is told so in `Keep-Alive`). Default 65 000. */
  readonly keepAliveMs: number;
}

/** Default `timeouts`. */
export const DEFAULT_MOCK_TIMEOUTS: MockTimeouts = { headersMs: 60_000, requestMs: 120_000, keepAliveMs: 65_000 };

/** Options after defaults and checks. */
export type ResolvedOptions = ReturnType<typeof resolveOptions>;

/** An option of `startMockServer` has a value it cannot use. */
export class MockOptionsError extends MockError {
  constructor(
    readonly option: string,
    readonly reason: string,
  ) {
    super("INVALID_MOCK_OPTION", `mock server option ${option}: ${reason}`);
  }
}

/** Applies defaults and rejects unusable values before anything listens. */
export function resolveOptions(options: MockServerOptions) {
  const port = options.port ?? 0;
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new MockOptionsError("port", `must be an integer 0–65535, got ${port}`);
  const host = options.host ?? "127.0.0.1";
  if (typeof host !== "string" || host.length === 0) throw new MockOptionsError("host", "must be a host name or address");
  if (options.service !== undefined && !isServiceName(options.service)) throw new MockOptionsError("service", `must be ecs, bms, evs or vbs, got ${String(options.service)}`);
  if (Boolean(options.accessKey) !== Boolean(options.secretKey)) throw new MockOptionsError("accessKey", "give both accessKey and secretKey, or neither");
  if (options.now !== undefined && typeof options.now !== "function") throw new MockOptionsError("now", "must be a function returning ms since the epoch");
  if (options.cors !== undefined && typeof options.cors !== "boolean") throw new MockOptionsError("cors", "must be true or false");
  const timeouts = { ...DEFAULT_MOCK_TIMEOUTS, ...options.timeouts };
  for (const [name, value] of Object.entries(timeouts)) {
    if (typeof value !== "number" || !Number.isInteger(value) || value < 1) throw new MockOptionsError(`timeouts.${name}`, `must be a whole number of ms ≥ 1, got ${String(value)}`);
  }
  if (timeouts.requestMs < timeouts.headersMs) throw new MockOptionsError("timeouts.requestMs", `must be at least timeouts.headersMs (${timeouts.headersMs})`);
  return {
    port,
    host,
    now: options.now ?? Date.now,
    service: options.service,
    credentials: options.accessKey && options.secretKey ? { accessKey: options.accessKey, secretKey: options.secretKey } : undefined,
    token: options.token,
    fixtures: options.fixtures ?? allFixtures,
    log: options.log ?? (() => {}),
    timeouts,
    cors: options.cors ?? false,
  };
}
