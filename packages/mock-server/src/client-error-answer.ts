import { STATUS_CODES } from "node:http";
import type { Duplex } from "node:stream";
import { mockError, type Answer } from "./answer.js";

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
