import type { IncomingMessage, ServerResponse } from "node:http";
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

/** An error of the mock's own control API (`/mock/*`, bad fault headers): nested envelope, `MOCK.*` codes. */
export function mockError(status: number, code: string, message: string): Answer {
  return jsonAnswer(status, { error: { code, message } });
}

/** Writes an answer; `X-Request-Id` is added when the answer has none. */
export function send(res: ServerResponse, answer: Answer, requestId: string): void {
  if (res.headersSent || res.destroyed) return;
  const headers: Record<string, string | number> = { "X-Request-Id": requestId, ...answer.headers };
  headers["Content-Length"] = Buffer.byteLength(answer.body);
  res.writeHead(answer.status, headers);
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
        reject(new BodyTooLargeError(limit));
        req.resume();
        return;
      }
      chunks.push(chunk);
    });
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

/** A control request body larger than the mock accepts. */
export class BodyTooLargeError extends Error {
  override readonly name = "BodyTooLargeError";
  readonly code = "MOCK.0413";

  constructor(readonly limit: number) {
    super(`request body larger than ${limit} bytes`);
  }
}
