import { randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { setTimeout as sleep } from "node:timers/promises";
import { isServiceName, type ServiceName } from "@cloud-jobs/fixtures";
import { jsonAnswer, MockError, mockError, readJson, refusalAnswer, send, type Answer } from "./answer.js";
import { driftAnswer, faultRuleInput, parseFaults, statusFaultAnswer, truncateAnswer, type FaultRule } from "./faults.js";
import { PROJECT_ID } from "./jobs.js";
import type { MockState } from "./start-mock-server.js";
import { checkAuth } from "./verify-signature.js";

/**
 * The service a request is for, from the first label of its Host header (`evs.eu-de.otc.t-systems.com` → `evs`),
 * as the real endpoints are named; `undefined` for hosts such as `127.0.0.1:4010`.
 */
export function serviceOfHost(host: string | undefined): ServiceName | undefined {
  const label = host?.split(/[.:]/)[0]?.toLowerCase();
  return isServiceName(label) ? label : undefined;
}

const NO_CONTENT: Answer = { status: 204, headers: {}, body: "" };
const ruleView = (rule: FaultRule) => ({ id: rule.id, fault: rule.fault, remaining: rule.remaining ?? null, service: rule.service ?? null, job_id: rule.job_id ?? null });
type Control = (state: MockState, req: IncomingMessage) => Answer | Promise<Answer>;

/** The mock's own control API, never authenticated (the server binds to loopback), by path and method. */
const CONTROL: Record<string, Record<string, Control>> = {
  "/mock/jobs": {
    GET: (s) => jsonAnswer(200, s.jobs.list()),
    POST: async (s, req) => jsonAnswer(201, s.jobs.create(await readJson(req), s.options.now())),
    DELETE: (s) => (s.jobs.clear(), NO_CONTENT),
  },
  "/mock/faults": {
    GET: (s) => jsonAnswer(200, s.faults.rules.map(ruleView)),
    POST: async (s, req) => jsonAnswer(201, ruleView(s.faults.add(faultRuleInput(await readJson(req))))),
    DELETE: (s) => ((s.faults.rules = []), NO_CONTENT),
  },
  "/mock/fixtures": {
    GET: (s) => jsonAnswer(200, s.options.fixtures.map((f) => ({ service: f.service, name: f.name, job_id: f.jobId, http_status: f.httpStatus, kind: f.kind, tags: f.tags }))),
  },
};

function decoded(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}

/**
 * `GET /v1/{project_id}/jobs/{job_id}` as the real services answer it: faults first (they stand for the network and
 * the gateway), then credentials, the project id, and the job — 400 `Common.0011` in the service's envelope when
 * there is no such job. The service is the Host header's first label, else the `service` option, else the job's own.
 * `undefined`: the connection was reset.
 */
async function jobRoute(state: MockState, req: IncomingMessage, url: URL, rawProjectId: string, rawJobId: string): Promise<Answer | undefined> {
  const jobId = decoded(rawJobId) ?? rawJobId;
  const hint = serviceOfHost(req.headers.host) ?? state.options.service;
  const service = hint ?? state.jobs.serviceOf(jobId) ?? "ecs";
  const header = req.headers["x-mock-fault"];
  const faults = header === undefined ? state.faults.take(service, jobId) : parseFaults(Array.isArray(header) ? header.join(",") : header);
  // Delays end at once when the server closes.
  for (const fault of faults ?? []) if (fault.kind === "delay") await sleep(fault.ms, undefined, { signal: state.closing }).catch(() => {});
  const decisive = faults?.find((fault) => fault.kind !== "delay");
  // A TCP reset, as a crashing load balancer sends.
  if (decisive?.kind === "reset" || state.closing.aborted) return void req.socket.resetAndDestroy();
  if (decisive?.kind === "status") return statusFaultAnswer(service, decisive);
  const refusal = await checkAuth(req, url, state.options);
  const projectId = decoded(rawProjectId);
  let answer: Answer;
  if (refusal) answer = refusalAnswer(service, refusal);
  else if (projectId === undefined || !PROJECT_ID.test(projectId)) answer = refusalAnswer(service, "bad-project");
  else answer = state.jobs.find(hint, jobId, projectId, state.options.now()) ?? refusalAnswer(service, "unknown-job");
  if (decisive?.kind === "drift") answer = driftAnswer(answer, decisive.what);
  return decisive?.kind === "truncate" ? truncateAnswer(answer, decisive.bytes) : answer;
}

const JOB_PATH = /^\/v1\/([^/]+)\/jobs\/([^/]+)\/?$/;

async function route(state: MockState, req: IncomingMessage): Promise<Answer | undefined> {
  // The Host header is the client's to choose (and may be garbage); only the path matters here.
  if (!URL.canParse(req.url ?? "/", "http://mock.invalid")) throw new MockError("MOCK.0001", "unreadable request target");
  const url = new URL(req.url ?? "/", "http://mock.invalid");
  if (url.pathname === "/mock" || url.pathname.startsWith("/mock/")) {
    const path = url.pathname.replace(/\/+$/, "");
    const methods = CONTROL[path];
    if (!methods) return mockError(404, "MOCK.0404", `no control route ${path}; there are ${Object.keys(CONTROL).join(", ")}`);
    const control = methods[req.method ?? ""];
    return control ? control(state, req) : mockError(405, "MOCK.0405", `${req.method} is not allowed on ${path}`, { Allow: Object.keys(methods).join(", ") });
  }
  const match = JOB_PATH.exec(url.pathname);
  if (match && (req.method === "GET" || req.method === "HEAD")) return jobRoute(state, req, url, match[1]!, match[2]!);
  // The gateway answers any other path or method with "API not found".
  return refusalAnswer(serviceOfHost(req.headers.host) ?? state.options.service ?? "ecs", "unknown-path");
}

/**
 * CORS (`cors: true`), for a page on another origin: every answer allows any origin and exposes its headers; a
 * preflight gets 204 with the methods and headers it asked for (`Authorization` and `X-Sdk-Date` included; no
 * credentials mode, as credentials are headers, never cookies). `true` when the request was a preflight.
 */
function answerCors(req: IncomingMessage, res: ServerResponse): boolean {
  res.setHeader("Access-Control-Allow-Origin", "*").setHeader("Access-Control-Expose-Headers", "*");
  if (req.method !== "OPTIONS" || req.headers["access-control-request-method"] === undefined) return false;
  const allowHeaders = req.headers["access-control-request-headers"] ?? "";
  res.writeHead(204, { "Access-Control-Allow-Methods": "GET, HEAD, POST, DELETE", "Access-Control-Allow-Headers": allowHeaders, "Access-Control-Max-Age": "600", Vary: "Access-Control-Request-Headers" }).end();
  return true;
}

/**
 * The request listener of the mock server. Never throws: a `MockError` (a bad body or fault) is answered with its
 * status and code; a bug answers 500 `MOCK.0500` (or drops the connection if the answer had started) and is
 * logged, and the server goes on serving.
 */
export function createHandler(state: MockState): (req: IncomingMessage, res: ServerResponse) => void {
  const { log } = state.options;
  return (req, res) => {
    const requestId = randomUUID().replace(/-/g, "");
    req.on("error", () => res.destroy());
    res.on("error", () => {});
    res.on("finish", () => log(`${req.method} ${req.url} ${res.statusCode} ${requestId}`));
    if (state.options.cors && answerCors(req, res)) return;
    route(state, req).then(
      (answer) => answer && send(res, answer, requestId),
      (error: unknown) => {
        if (error instanceof MockError) return send(res, mockError(error.status, error.code, error.message), requestId);
        log(`internal error on ${req.method} ${req.url}: ${error instanceof Error ? error.stack : String(error)}`);
        if (res.headersSent) res.destroy();
        else send(res, mockError(500, "MOCK.0500", "internal error of the mock server"), requestId);
      },
    );
  };
}
