import { STATUS_CODES, type IncomingMessage, type ServerResponse } from "node:http";
import type { Duplex } from "node:stream";
import { errorFixtures, type ErrorFixture, type Fixture, type ServiceName } from "@cloud-jobs/fixtures";

/** A complete HTTP answer, decided before anything is written (faults may still change how it is sent). */
export interface Answer {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

export const jsonAnswer = (status: number, value: unknown, headers: Record<string, string> = {}): Answer => ({
  status,
  headers: { "Content-Type": "application/json", ...headers },
  body: JSON.stringify(value),
});

/** A fixture exactly as recorded: its status, headers and body (JSON or an HTML page). */
export const fixtureAnswer = (f: Fixture): Answer => ({ status: f.httpStatus, headers: f.headers, body: typeof f.body === "string" ? f.body : JSON.stringify(f.body) });

/** An error of the mock's own (nested envelope, `MOCK.*` codes), e.g. for `/mock/*` and bad fault headers. */
export const mockError = (status: number, code: string, message: string, headers: Record<string, string> = {}): Answer =>
  jsonAnswer(status, { error: { code, message } }, headers);

/** An error of the mock's own (`MOCK.*` codes, or the system's for `MockListenError`); `status` answers a request that caused it. */
export class MockError extends Error {
  constructor(readonly code: string, message: string, readonly status = 400, options?: ErrorOptions) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** Writes an answer; `X-Request-Id` is added when the answer has none. */
export function send(res: ServerResponse, answer: Answer, requestId: string): void {
  if (res.headersSent || res.destroyed) return;
  res.writeHead(answer.status, { "X-Request-Id": requestId, ...answer.headers, "Content-Length": Buffer.byteLength(answer.body) }).end(answer.body);
}

/** The request body as JSON: 413 `MOCK.0413` beyond `limit` bytes, 400 `MOCK.0001` when it is not JSON. */
export function readJson(req: IncomingMessage, limit = 64 * 1024): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      if ((size += chunk.length) <= limit) return void chunks.push(chunk);
      reject(new MockError("MOCK.0413", `request body larger than ${limit} bytes`, 413));
      req.resume();
    });
    req.on("end", () => {
      try {
        resolve(JSON.parse(Buffer.concat(chunks).toString("utf8")));
      } catch {
        reject(new MockError("MOCK.0001", "the request body must be JSON"));
      }
    });
    req.on("error", reject);
  });
}

const codeOf = (f: ErrorFixture): string => {
  const body = (f.body ?? {}) as Record<string, any>;
  return String(body.error?.code ?? body.error_code ?? body.code ?? "");
};
export const isJson = (f: ErrorFixture): boolean => f.headers["Content-Type"] === "application/json";
type Rule = { status: number; accept: (f: ErrorFixture) => boolean; prefer?: (a: ErrorFixture, b: ErrorFixture) => number };

/** Which documented body answers each refusal: its status, a test on the fixture, and an order of preference. */
const REFUSALS = {
  // The service's own nested body before flat and gateway ones.
  "unknown-job": { status: 400, accept: (f) => /^common\.0011$/i.test(codeOf(f)), prefer: (a, b) => Number(!("error" in (a.body as object))) - Number(!("error" in (b.body as object))) },
  "bad-project": { status: 400, accept: (f) => codeOf(f) === "Common.0018" },
  "no-credentials": { status: 401, accept: isJson, prefer: (a, b) => Number(codeOf(a).startsWith("APIGW")) - Number(codeOf(b).startsWith("APIGW")) },
  "bad-token": { status: 401, accept: (f) => isJson(f) && !codeOf(f).startsWith("APIGW") },
  "bad-signature": { status: 401, accept: (f) => codeOf(f) === "APIGW.0301" },
  "unknown-path": { status: 404, accept: (f) => codeOf(f) === "APIGW.0101" },
} satisfies Record<string, Rule>;

/** Why the mock refuses a request; each maps to a documented error body. */
export type Refusal = keyof typeof REFUSALS;

/**
 * The first documented error body (of any fixture set: refusals look real even when a server serves only some
 * fixtures) with `status` that `accept` takes, in `prefer`'s order, the service's own before another's.
 */
export function pickError(service: ServiceName, { status, accept, prefer }: Rule): ErrorFixture | undefined {
  const candidates = errorFixtures.filter((f) => f.httpStatus === status && accept(f)).sort(prefer ?? (() => 0));
  return candidates.find((f) => f.service === service) ?? candidates[0];
}

/** The body the real service sends for a refusal, in its envelope (`common.0011` on VBS, `APIGW.0301` for a bad signature). */
export function refusalAnswer(service: ServiceName, refusal: Refusal): Answer {
  const fixture = pickError(service, REFUSALS[refusal]);
  return fixture ? fixtureAnswer(fixture) : jsonAnswer(REFUSALS[refusal].status, { code: `HTTP.${REFUSALS[refusal].status}`, message: refusal });
}

/** Socket-level failures: the peer is gone or going, so there is nobody to answer. */
const CONNECTION_GONE = new Set(["ECONNRESET", "EPIPE", "ECONNABORTED", "ETIMEDOUT", "ERR_STREAM_DESTROYED", "ERR_STREAM_WRITE_AFTER_END"]);
const CLIENT_ERRORS: Record<string, [number, string, string]> = {
  // Node's headersTimeout / requestTimeout: for a connection's first request counted from its accept.
  ERR_HTTP_REQUEST_TIMEOUT: [408, "MOCK.0408", "request not received in time; the connection is closed, send it again"],
  HPE_HEADER_OVERFLOW: [431, "MOCK.0431", "request headers larger than 16 KB"],
  HPE_CHUNK_EXTENSIONS_OVERFLOW: [413, "MOCK.0413", "chunk extensions too large"],
};

/**
 * The answer owed for an error Node's HTTP server reports on a client: the status Node itself would send, with a
 * `MOCK.*` JSON body instead of an empty one, so a client can tell a slow or broken request from an unknown job.
 * `undefined`: close without answering.
 */
export function clientErrorAnswer({ code = "" }: NodeJS.ErrnoException): Answer | undefined {
  if (CONNECTION_GONE.has(code)) return undefined;
  return mockError(...(CLIENT_ERRORS[code] ?? [400, "MOCK.0400", `malformed HTTP request (${code || "unknown error"})`]));
}

/**
 * The `clientError` listener: answers with `clientErrorAnswer` and closes the connection (`Connection: close`, as
 * RFC 9110 asks of a 408), or destroys the socket when there is nobody to answer or an answer has begun on it.
 */
export function onClientError(log: (line: string) => void): (error: NodeJS.ErrnoException, socket: Duplex) => void {
  return (error, socket) => {
    const answer = clientErrorAnswer(error);
    log(`client error ${error.code ?? error.message}: ${answer === undefined ? "closed" : answer.status}`);
    const started = (socket as Duplex & { _httpMessage?: { headersSent?: boolean } | null })._httpMessage?.headersSent === true;
    if (answer === undefined || !socket.writable || started) return void socket.destroy();
    const head = [`HTTP/1.1 ${answer.status} ${STATUS_CODES[answer.status] ?? ""}`, ...Object.entries(answer.headers).map(([name, value]) => `${name}: ${value}`)];
    // HTTP servers allow half-open sockets: once the answer is flushed, the connection goes.
    socket.end(`${head.join("\r\n")}\r\nContent-Length: ${Buffer.byteLength(answer.body)}\r\nConnection: close\r\n\r\n${answer.body}`, () => socket.destroy());
  };
}
