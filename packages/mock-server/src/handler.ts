import { randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { mockError, send } from "./answer.js";
import { answerCors } from "./cors.js";
import { controlRoute } from "./routes/control-routes.js";
import { jobRoute } from "./routes/job-route.js";
import { serviceOfHost } from "./service-of-host.js";
import type { MockState } from "./state.js";

const JOB_PATH = /^\/v1\/([^/]+)\/jobs\/([^/]+)\/?$/;

async function route(state: MockState, req: IncomingMessage, res: ServerResponse, requestId: string): Promise<void> {
  let url: URL;
  try {
    // The Host header is the client's to choose (and may be garbage); only the path matters here.
    url = new URL(req.url ?? "/", "http://mock.invalid");
  } catch {
    return send(res, mockError(400, "MOCK.0001", "unreadable request target"), requestId);
  }
  if (url.pathname === "/mock" || url.pathname.startsWith("/mock/")) return controlRoute(state, req, res, url, requestId);
  const match = JOB_PATH.exec(url.pathname);
  if (match && (req.method === "GET" || req.method === "HEAD")) {
    return jobRoute(state, req, res, url, { projectId: match[1]!, jobId: match[2]! }, requestId);
  }
  // The gateway answers any other path or method with "API not found".
  const service = serviceOfHost(req.headers.host) ?? state.options.service ?? "ecs";
  send(res, state.errors.answer(service, "unknown-path"), requestId);
}

/**
 * The request listener of the mock server. Never throws: a bug answers 500
 * `MOCK.0500` (or drops the connection if the answer had started) and is
 * logged, and the server goes on serving.
 */
export function createHandler(state: MockState): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    const requestId = randomUUID().replace(/-/g, "");
    req.on("error", () => res.destroy());
    res.on("error", () => {});
    res.on("finish", () => state.options.log(`${req.method} ${req.url} ${res.statusCode} ${requestId}`));
    if (state.options.cors && answerCors(req, res)) return;
    route(state, req, res, requestId).catch((error: unknown) => {
      state.options.log(`internal error on ${req.method} ${req.url}: ${error instanceof Error ? error.stack : String(error)}`);
      if (res.headersSent) res.destroy();
      else send(res, mockError(500, "MOCK.0500", "internal error of the mock server"), requestId);
    });
  };
}
