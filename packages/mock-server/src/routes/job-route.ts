import type { IncomingMessage, ServerResponse } from "node:http";
import { send, mockError, type Answer } from "../answer.js";
import { checkAuth } from "../auth-check.js";
import { FaultSyntaxError, parseFaults, type Fault } from "../faults/parse-faults.js";
import { pause, resetConnection, statusFaultAnswer, truncateAnswer } from "../faults/perform-fault.js";
import { serviceOfHost } from "../service-of-host.js";
import type { MockState } from "../state.js";

/** Path parameters of `GET /v1/{project_id}/jobs/{job_id}`, still percent-encoded. */
export interface JobPath {
  readonly projectId: string;
  readonly jobId: string;
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
export async function jobRoute(state: MockState, req: IncomingMessage, res: ServerResponse, url: URL, path: JobPath, requestId: string): Promise<void> {
  const jobId = decoded(path.jobId) ?? path.jobId;
  const hint = serviceOfHost(req.headers.host) ?? state.options.service;
  const service = hint ?? state.lookup.serviceOf(jobId) ?? "ecs";
  let faults: readonly Fault[] | undefined;
  try {
    faults = faultsOf(req) ?? state.faults.take(service, jobId);
  } catch (error) {
    if (!(error instanceof FaultSyntaxError)) throw error;
    return send(res, mockError(400, error.code, error.message), requestId);
  }
  for (const fault of faults ?? []) if (fault.kind === "delay") await pause(fault.ms, state.closing);
  const decisive = faults?.find((fault) => fault.kind !== "delay");
  if (decisive?.kind === "reset" || state.closing.aborted) return resetConnection(res);
  if (decisive?.kind === "status") return send(res, statusFaultAnswer(state.errors, service, decisive), requestId);

  let answer: Answer;
  const refusal = await checkAuth(req, url, state.options);
  const projectId = decoded(path.projectId);
  if (refusal) answer = state.errors.answer(service, refusal);
  else if (projectId === undefined || !PROJECT_ID.test(projectId)) answer = state.errors.answer(service, "bad-project");
  else answer = state.lookup.find(hint, jobId, projectId, state.options.now()) ?? state.errors.answer(service, "unknown-job");
  send(res, decisive?.kind === "truncate" ? truncateAnswer(answer, decisive.bytes) : answer, requestId);
}
