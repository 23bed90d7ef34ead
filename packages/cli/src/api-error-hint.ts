import type { JobsApiError } from "@cloud-jobs/client";

// Codes that mean the credentials were refused, whatever status the service used (facts 7.2: 400 or 401).
const AUTH_CODES = new Set(["common.0013", "bms.0032", "evs.0002", "apigw.0301"]);
const PROJECT_MISMATCH_CODES = new Set(["common.0018", "ecs.0023", "evs.0001"]);

/** What to check when a service does not know a job (`wait` reports it as `JobNotFoundError`). */
export const CHECK_JOB_HINT = "check the job id, --service and --project-id";

const UNKNOWN_JOB_HINT = `unknown or expired job: ${CHECK_JOB_HINT} (finished jobs are deleted about a day after they end)`;

/**
 * One line telling the user what to do about an API or network error, by its
 * code first (services disagree on statuses), then by HTTP status.
 */
export function apiErrorHint(error: Pick<JobsApiError, "code" | "status">, endpoint: string | undefined): string | undefined {
  const code = error.code.toLowerCase();
  const where = endpoint === undefined ? "" : ` (${endpoint})`;
  if (code === "common.0011") return UNKNOWN_JOB_HINT;
  if (AUTH_CODES.has(code) || error.status === 401) {
    return "credentials refused: check OS_AUTH_TOKEN (tokens expire after 24 hours) or OS_ACCESS_KEY/OS_SECRET_KEY";
  }
  if (PROJECT_MISMATCH_CODES.has(code)) return "the project id does not belong to these credentials: check --project-id / OS_PROJECT_ID";
  if (error.status === 403) return "the credentials may not read jobs of this project: check the IAM policy";
  if (error.status === 404 || code === "apigw.0101") return `no job API at this address${where}: check --endpoint, --service and --region`;
  if (error.status === 429 || code === "common.1503" || code === "common.0024" || code === "apigw.0308") {
    return "rate limited: try again in a moment";
  }
  if (code === "network_error") return `could not reach the service${where}: check --endpoint / --region and the network`;
  if (code === "timeout") return "the service did not answer in time: try again";
  if (code === "invalid_response") return `the answer was not a job${where}: check --endpoint and --service`;
  if (error.status !== undefined && error.status >= 500) return "the service failed: try again later";
  return undefined;
}
