import type { IncomingMessage, ServerResponse } from "node:http";
import { BodyTooLargeError, jsonAnswer, mockError, readBody, send, type Answer } from "../answer.js";
import { faultRuleInput, type FaultRule } from "../faults/fault-rules.js";
import { FaultSyntaxError } from "../faults/parse-faults.js";
import { SimulationInputError, simulationPlan } from "../jobs/simulation-plan.js";
import type { MockState } from "../state.js";

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
    throw new SyntaxError("the request body must be JSON");
  }
}

async function answer(state: MockState, req: IncomingMessage, route: string): Promise<Answer> {
  const key = `${req.method} ${route}`;
  if (key === "POST /mock/jobs") return jsonAnswer(201, state.simulations.create(simulationPlan(state.catalogue, await jsonBody(req)), state.options.now()));
  if (key === "GET /mock/jobs") return jsonAnswer(200, state.simulations.list());
  if (key === "POST /mock/faults") return jsonAnswer(201, ruleView(state.faults.add(faultRuleInput(await jsonBody(req)))));
  if (key === "GET /mock/faults") return jsonAnswer(200, state.faults.list().map(ruleView));
  if (key === "DELETE /mock/jobs") state.simulations.clear();
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
export async function controlRoute(state: MockState, req: IncomingMessage, res: ServerResponse, url: URL, requestId: string): Promise<void> {
  const route = url.pathname.replace(/\/+$/, "");
  const methods = ROUTES[route];
  if (!methods) return send(res, mockError(404, "MOCK.0404", `no control route ${route}; there are ${Object.keys(ROUTES).join(", ")}`), requestId);
  if (!methods.includes(req.method ?? "")) {
    const refused = mockError(405, "MOCK.0405", `${req.method} is not allowed on ${route}`);
    return send(res, { ...refused, headers: { ...refused.headers, Allow: methods.join(", ") } }, requestId);
  }
  try {
    send(res, await answer(state, req, route), requestId);
  } catch (error) {
    if (error instanceof SimulationInputError || error instanceof FaultSyntaxError) return send(res, mockError(400, error.code, error.message), requestId);
    if (error instanceof SyntaxError) return send(res, mockError(400, "MOCK.0001", error.message), requestId);
    if (error instanceof BodyTooLargeError) return send(res, mockError(413, error.code, error.message), requestId);
    throw error;
  }
}
