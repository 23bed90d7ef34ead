import { decodeErrorcodeMessage, isKnownJobType, jobTimes, subJobsOf, summarizeSubJobs, type Job, type ServiceName } from "@cloud-jobs/client";
import { formatDuration } from "./duration.js";

type Fields = Record<string, unknown>;

const LABEL_WIDTH = 10;
// Shown on the sub-jobs line or per sub-job instead of among the entities.
const HIDDEN_ENTITIES = new Set(["sub_jobs", "sub_jobs_total", "errorcode_message"]);

function asFields(value: unknown): Fields {
  return value !== null && typeof value === "object" && !Array.isArray(value) ? (value as Fields) : {};
}

function text(value: unknown): string {
  return typeof value === "string" ? value : JSON.stringify(value) ?? String(value);
}

function row(label: string, value: string): string {
  return `${label.padEnd(LABEL_WIDTH)}${value}`;
}

/** `error_code: fail_reason`, either part left out when absent, `null` or `""`. */
function failure(job: Fields): string | undefined {
  const parts = [job["error_code"], job["fail_reason"]].filter((v) => typeof v === "string" && v !== "");
  return parts.length === 0 ? undefined : parts.join(": ");
}

function timesOf(job: Fields): string[] {
  const { beginTime, endTime } = jobTimes(job);
  const took = beginTime && endTime ? ` (took ${formatDuration(endTime.getTime() - beginTime.getTime())})` : "";
  return [row("begin", beginTime?.toISOString() ?? "-"), row("end", endTime ? `${endTime.toISOString()}${took}` : "- (not finished)")];
}

function entityRows(job: Fields): string[] {
  const entries = Object.entries(asFields(job["entities"])).filter(([key, value]) => !HIDDEN_ENTITIES.has(key) && value != null);
  const width = Math.max(0, ...entries.map(([key]) => key.length)) + 2;
  return entries.map(([key, value], i) => row(i === 0 ? "entities" : "", `${key.padEnd(width)}${text(value)}`));
}

/**
 * Why a sub-job failed: `error_code: fail_reason`, then the decoded ECS
 * `errorcode_message` with the embedded error's kind and code, e.g.
 * `Quota exceeded… (forbidden 403)`. ECS often repeats that message inside
 * `fail_reason`; it is then shown once, with only its origin appended.
 */
function subJobFailure(sub: Fields, entities: Fields): string | undefined {
  const reason = failure(sub);
  const decoded = decodeErrorcodeMessage(entities["errorcode_message"]);
  if (decoded === undefined) return reason;
  const origin = [decoded.kind, decoded.code].filter((v) => v !== undefined).join(" ");
  const suffix = origin === "" ? "" : ` (${origin})`;
  if (reason === undefined) return `${decoded.message}${suffix}`;
  return reason.includes(decoded.message) ? `${reason}${suffix}` : `${reason} - ${decoded.message}${suffix}`;
}

function subJobLine(sub: Fields): string {
  const entities = asFields(sub["entities"]);
  const detail =
    subJobFailure(sub, entities) ??
    Object.entries(entities)
      .filter(([key, value]) => !HIDDEN_ENTITIES.has(key) && value != null)
      .map(([key, value]) => `${key}=${text(value)}`)
      .join(" ");
  return `  ${text(sub["status"]).padEnd(8)} ${text(sub["job_type"])}  ${text(sub["job_id"])}${detail === "" ? "" : `  ${detail}`}`;
}

/**
 * The sub-jobs line (counts), then one line per sub-job: status, type, id,
 * and why it failed — `error_code`, `fail_reason` and the decoded ECS
 * `errorcode_message` — or its entities when it did not fail.
 */
function subJobRows(job: object): string[] {
  const { total, succeeded, failed, running } = summarizeSubJobs(job);
  if (total === 0) return [];
  const counts = [`${succeeded}/${total} succeeded`, failed > 0 ? `${failed} failed` : "", running > 0 ? `${running} not finished` : ""];
  return [row("sub-jobs", counts.filter(Boolean).join(", ")), ...subJobsOf(job).map((sub) => subJobLine(sub as unknown as Fields))];
}

/**
 * The human summary `cloud-jobs get` prints: id, service, type, status (with
 * `error_code`/`fail_reason` on FAIL), times, entities and sub-jobs.
 *
 * @example
 * formatJob(job, "ecs")
 * // job       ff80808288d41e1b018990260955686a
 * // service   ecs
 * // type      createServer
 * // status    SUCCESS
 * // …
 */
export function formatJob(job: object, service: ServiceName): string {
  const fields = job as Fields;
  const why = failure(fields);
  // The cloud adds job types without notice; say so rather than hide it.
  const undocumented = isKnownJobType(job as Job, service) ? "" : ` (not a documented ${service} job type)`;
  return [
    row("job", text(fields["job_id"])),
    row("service", service),
    row("type", `${text(fields["job_type"])}${undocumented}`),
    row("status", text(fields["status"])),
    ...(why === undefined ? [] : [row("error", why)]),
    ...timesOf(fields),
    ...entityRows(fields),
    ...subJobRows(job),
  ].join("\n");
}
