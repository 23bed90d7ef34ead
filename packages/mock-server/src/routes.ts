import { randomUUID } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import type { IncomingMessage, ServerResponse } from "node:http";
import { isServiceName, type ServiceName } from "@cloud-jobs/fixtures";
import { jsonAnswer, MockError, mockError, readBody, send, type Answer } from "./answer.js";
import { checkAuth } from "./auth-check.js";
import { answerCors } from "./cors.js";
import { refusalAnswer } from "./error-answers.js";
import { driftAnswer, faultRuleInput, parseFaults, statusFaultAnswer, truncateAnswer, type Fault, type FaultRule } from "./faults.js";
import { simulationPlan } from "./simulation-plan.js";
import type { MockState } from "./start-mock-server.js";

/**
 * The service a request is for, from the first label of its Host header
 * (`evs.eu-de.otc.t-systems.com` → `evs`), as the real endpoints are named;
 * `undefined` for hosts such as `127.0.0.1:4010`.
 */
export function serviceOfHost(host: string | undefined): ServiceName | undefined {
  const label = host?.split(/[.:]/)[0]?.toLowerCase();
  return isServiceName(label) ? label : undefined;
}

const BODY_LIMIT = 64 * 1024;
const ROUTES: Readonly<Record<string, readonly string[]>> = {
  "/mock/jobs": ["GET", "POST", "DELETE"],
  "/mock/faults": ["GET", "POST", "DELETE"],
  "/mock/fixtures": ["GET"],
};

const ruleView = (rule: FaultRule) => ({ id: rule.id, fault: rule.fault, remaining: rule.remaining ?? null, service: rule.service ?? null, job_id: rule.job_id ?? null });

async function jsonBody(req: IncomingMessage): Promise<unknown> {
  const text = await readBody(req, BODY_LIMIT);
  try {
    return JSON.parse(text);
  } catch {
    throw new MockError("MOCK.0001", "the request body must be JSON");
  }
}

async function answer(state: MockState, req: IncomingMessage, route: string): Promise<Answer> {
  const key = `${req.method} ${route}`;
  if (key === "POST /mock/jobs") return jsonAnswer(201, state.jobs.create(simulationPlan(state.catalogue, await jsonBody(req)), state.options.now()));
  if (key === "GET /mock/jobs") return jsonAnswer(200, state.jobs.list());
  if (key === "POST /mock/faults") return jsonAnswer(201, ruleView(state.faults.add(faultRuleInput(await jsonBody(req)))));
  if (key === "GET /mock/faults") return jsonAnswer(200, state.faults.list().map(ruleView));
  if (key === "DELETE /mock/jobs") state.jobs.clear();
  if (key === "DELETE /mock/faults") state.faults.clear();
  if (req.method === "DELETE") return { status: 204, headers: {}, body: "" };
  const list = state.options.fixtures.map((f) => ({ service: f.service, name: f.name, job_id: f.jobId, http_status: f.httpStatus, kind: f.kind, tags: f.tags }));
  return jsonAnswer(200, list);
}

/**
 * The mock's own control API, never authenticated (the server binds to
 * loopback): `POST|GET|DELETE /mock/jobs` (simulated jobs),
 * `POST|GET|DELETE /mock/faults` (server-wide faults), `GET /mock/fixtures`.
 */
async function controlRoute(state: MockState, req: IncomingMessage, res: ServerResponse, url: URL, requestId: string): Promise<void> {
  const route = url.pathname.replace(/\/+$/, "");
  const methods = ROUTES[route];
  if (!methods) return send(res, mockError(404, "MOCK.0404", `no control route ${route}; there are ${Object.keys(ROUTES).join(", ")}`), requestId);
  if (!methods.includes(req.method ?? "")) {
    const refused = mockError(405, "MOCK.0405", `${req.method} is not allowed on ${route}`);
    return send(res, { ...refused, headers: { ...refused.headers, Allow: methods.join(", ") } }, requestId);
  }
  send(res, await answer(state, req, route), requestId);
}

const PROJECT_ID = /^[0-9a-f]{32}$/;
const decoded = (segment: string): string | undefined => {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
};

function faultsOf(req: IncomingMessage): readonly Fault[] | undefined {
  const header = req.headers["x-mock-fault"];
  return header === undefined ? undefined : parseFaults(Array.isArray(header) ? header.join(",") : header);
}

/**
 * `GET /v1/{project_id}/jobs/{job_id}` as the real services answer it: faults
 * first (they stand for the network and the gateway), then credentials, the
 * project id, and the job — 400 `Common.0011` in the service's envelope when
 * there is no such job. The service is the Host header's first label, else the
 * server's `service` option, else the job's own.
 */
async function jobRoute(state: MockState, req: IncomingMessage, res: ServerResponse, url: URL, rawProjectId: string, rawJobId: string, requestId: string): Promise<void> {
  const jobId = decoded(rawJobId) ?? rawJobId;
  const hint = serviceOfHost(req.headers.host) ?? state.options.service;
  const service = hint ?? state.jobs.serviceOf(jobId) ?? "ecs";
  const faults = faultsOf(req) ?? state.faults.take(service, jobId);
  // Delays end at once when the server closes.
  for (const fault of faults ?? []) if (fault.kind === "delay") await sleep(fault.ms, undefined, { signal: state.closing }).catch(() => {});
  const decisive = faults?.find((fault) => fault.kind !== "delay");
  // A TCP reset, as a crashing load balancer sends.
  if (decisive?.kind === "reset" || state.closing.aborted) return void res.socket?.resetAndDestroy();
  if (decisive?.kind === "status") return send(res, statusFaultAnswer(service, decisive), requestId);

  let answer: Answer;
  const refusal = await checkAuth(req, url, state.options);
  const projectId = decoded(rawProjectId);
  if (refusal) answer = refusalAnswer(service, refusal);
  else if (projectId === undefined || !PROJECT_ID.test(projectId)) answer = refusalAnswer(service, "bad-project");
  else answer = state.jobs.find(hint, jobId, projectId, state.options.now()) ?? refusalAnswer(service, "unknown-job");
  if (decisive?.kind === "drift") answer = driftAnswer(answer, decisive.what);
  send(res, decisive?.kind === "truncate" ? truncateAnswer(answer, decisive.bytes) : answer, requestId);
}

const JOB_PATH = /^\/v1\/([^/]+)\/jobs\/([^/]+)\/?$/;

async function route(state: MockState, req: IncomingMessage, res: ServerResponse, requestId: string): Promise<void> {
  // The Host header is the client's to choose (and may be garbage); only the path matters here.
  if (!URL.canParse(req.url ?? "/", "http://mock.invalid")) throw new MockError("MOCK.0001", "unreadable request target");
  const url = new URL(req.url ?? "/", "http://mock.invalid");
  if (url.pathname === "/mock" || url.pathname.startsWith("/mock/")) return controlRoute(state, req, res, url, requestId);
  const match = JOB_PATH.exec(url.pathname);
  if (match && (req.method === "GET" || req.method === "HEAD")) {
    return jobRoute(state, req, res, url, match[1]!, match[2]!, requestId);
  }
  // The gateway answers any other path or method with "API not found".
  const service = serviceOfHost(req.headers.host) ?? state.options.service ?? "ecs";
  send(res, refusalAnswer(service, "unknown-path"), requestId);
}

/**
 * The request listener of the mock server. Never throws: a `MockError` (a bad
 * body or fault) is answered with its status and code; a bug answers 500
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
      if (error instanceof MockError && !res.headersSent) return send(res, mockError(error.status, error.code, error.message), requestId);
      state.options.log(`internal error on ${req.method} ${req.url}: ${error instanceof Error ? error.stack : String(error)}`);
      if (res.headersSent) res.destroy();
      else send(res, mockError(500, "MOCK.0500", "internal error of the mock server"), requestId);
    });
  };
}
