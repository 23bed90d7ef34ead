import { STATUS_CODES, type IncomingMessage, type ServerResponse } from "node:http";
import type { Duplex } from "node:stream";
import type { Fixture } from "@cloud-jobs/fixtures";

/** A complete HTTP answer, decided before anything is written (faults may still change how it is sent). */
export interface Answer {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

/** A JSON answer. */
export function jsonAnswer(status: number, value: unknown, headers: Record<string, string> = {}): Answer {
  return { status, headers: { "Content-Type": "application/json", ...headers }, body: JSON.stringify(value) };
}

/** A fixture exactly as recorded: its status, headers and body (JSON or an HTML page). */
export function fixtureAnswer(fixture: Fixture, extraHeaders: Record<string, string> = {}): Answer {
  const body = typeof fixture.body === "string" ? fixture.body : JSON.stringify(fixture.body);
  return { status: fixture.httpStatus, headers: { ...fixture.headers, ...extraHeaders }, body };
}

/** An error of the mock's own (`MOCK.*` codes, or the system's for `MockListenError`); `status` answers a request that caused it. */
export class MockError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status = 400,
    options?: ErrorOptions,
  ) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** An error of the mock's own control API (`/mock/*`, bad fault headers): nested envelope, `MOCK.*` codes. */
export function mockError(status: number, code: string, message: string): Answer {
  return jsonAnswer(status, { error: { code, message } });
}

/** Writes an answer; `X-Request-Id` is added when the answer has none. */
export function send(res: ServerResponse, answer: Answer, requestId: string): void {
  if (res.headersSent || res.destroyed) return;
  res.writeHead(answer.status, { "X-Request-Id": requestId, ...answer.headers, "Content-Length": Buffer.byteLength(answer.body) });
  res.end(answer.body);
}

/** The request body as text, refusing more than `limit` bytes. */
export function readBody(req: IncomingMessage, limit: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        reject(new MockError("MOCK.0413", `request body larger than ${limit} bytes`, 413));
        req.resume();
        return;
      }
      chunks.push(chunk);
    });
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

/** Socket-level failures: the peer is gone or going, so there is nobody to answer. */
const CONNECTION_GONE = new Set(["ECONNRESET", "EPIPE", "ECONNABORTED", "ETIMEDOUT", "ERR_STREAM_DESTROYED", "ERR_STREAM_WRITE_AFTER_END"]);

/**
 * What Node's HTTP server reports as a client error, and the answer a server
 * owes for it — the statuses Node itself would send, with a JSON body in the
 * services' nested envelope (`MOCK.*` codes: the mock, not a service, refuses
 * these) instead of an empty one, so a client can tell a slow or broken
 * request apart from an unknown job. `undefined`: close without answering.
 */
export function clientErrorAnswer(error: NodeJS.ErrnoException): Answer | undefined {
  const code = error.code ?? "";
  if (CONNECTION_GONE.has(code)) return undefined;
  switch (code) {
    // Node's headersTimeout / requestTimeout: counted from the connection's accept for its first
    // request, so a client that connects and then stalls gets this too.
    case "ERR_HTTP_REQUEST_TIMEOUT":
      return mockError(408, "MOCK.0408", "request not received in time; the connection is closed, send it again");
    case "HPE_HEADER_OVERFLOW":
      return mockError(431, "MOCK.0431", "request headers larger than 16 KB");
    case "HPE_CHUNK_EXTENSIONS_OVERFLOW":
      return mockError(413, "MOCK.0413", "chunk extensions too large");
    default:
      return mockError(400, "MOCK.0400", `malformed HTTP request (${code || "unknown error"})`);
  }
}

/** A socket as the `clientError` event hands it over, with the response Node may have attached. */
type ClientSocket = Duplex & { readonly _httpMessage?: { readonly headersSent?: boolean } | null };

/**
 * The `clientError` listener: answers with `clientErrorAnswer` and closes the
 * connection (`Connection: close`, as RFC 9110 asks of a 408), or just
 * destroys the socket when there is nobody to answer or an answer has already
 * begun on it (writing a second status line would corrupt the stream).
 */
export function onClientError(log: (line: string) => void): (error: NodeJS.ErrnoException, socket: Duplex) => void {
  return (error, rawSocket) => {
    const socket = rawSocket as ClientSocket;
    const answer = clientErrorAnswer(error);
    log(`client error ${error.code ?? error.message}: ${answer === undefined ? "closed" : answer.status}`);
    if (answer === undefined || !socket.writable || socket._httpMessage?.headersSent === true) {
      socket.destroy();
      return;
    }
    const head = [
      `HTTP/1.1 ${answer.status} ${STATUS_CODES[answer.status] ?? ""}`,
      ...Object.entries(answer.headers).map(([name, value]) => `${name}: ${value}`),
      `Content-Length: ${Buffer.byteLength(answer.body)}`,
      "Connection: close",
    ];
    // HTTP servers allow half-open sockets: once the answer is flushed, the connection goes.
    socket.end(`${head.join("\r\n")}\r\n\r\n${answer.body}`, () => socket.destroy());
  };
}
