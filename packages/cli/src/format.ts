import { decodeErrorcodeMessage, isKnownJobType, jobTimes, subJobsOf, summarizeSubJobs, type Job, type ServiceName } from "@cloud-jobs/client";
import { UsageError } from "./errors.js";

const UNIT_MS = { s: 1000, m: 60_000, h: 3_600_000 } as const;
const PART = /(\d+(?:\.\d+)?)([smh])/gy;

/**
 * Parses a `--timeout` value: `<number><unit>` parts with units `s`, `m`, `h` (`90s`, `1.5h`, `1h30m`); a bare number is
 * refused rather than guessed. @throws UsageError naming `option`. @example parseDuration("1h30m") // 5_400_000
 */
export function parseDuration(value: string, option = "--timeout"): number {
  const text = value.trim().toLowerCase();
  const hint = "use a number with a unit: 90s, 30m, 2h or 1h30m";
  if (text === "") throw new UsageError(option, `${option} is empty`, hint);
  let total = 0;
  PART.lastIndex = 0;
  let end = 0;
  for (let match = PART.exec(text); match !== null; match = PART.exec(text)) {
    total += Number(match[1]) * UNIT_MS[match[2] as keyof typeof UNIT_MS];
    end = PART.lastIndex;
  }
  if (end !== text.length) throw new UsageError(option, `${option} "${value}" is not a duration`, hint);
  const ms = Math.round(total);
  if (ms < 1 || !Number.isSafeInteger(ms)) throw new UsageError(option, `${option} "${value}" must be longer than 0`, hint);
  return ms;
}

/** A duration as a person reads it in a progress line: `850ms`, `12s`, `1m 02s`, `30m`, `1h 05m`, `2h`. */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) return "?";
  if (ms < 1000) return `${Math.round(ms)}ms`;
  const seconds = Math.floor(ms / 1000);
  if (seconds < 60) return `${seconds}s`;
  const minutes = Math.floor(seconds / 60);
  // A round value reads as the user typed it: "--timeout 30m" times out "after 30m".
  if (minutes < 60) return seconds % 60 === 0 ? `${minutes}m` : `${minutes}m ${String(seconds % 60).padStart(2, "0")}s`;
  const hours = Math.floor(minutes / 60);
  return minutes % 60 === 0 ? `${hours}h` : `${hours}h ${String(minutes % 60).padStart(2, "0")}m`;
}

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
 * Why a sub-job failed: `error_code: fail_reason`, then the decoded ECS `errorcode_message` with its kind and code
 * (`Quota exceeded… (forbidden 403)`); repeated inside `fail_reason`, it is shown once, with only its origin appended.
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

/** The sub-jobs line (counts), then one per sub-job: status, type, id, and why it failed, or its entities when it did not. */
function subJobRows(job: object): string[] {
  const { total, succeeded, failed, running } = summarizeSubJobs(job);
  if (total === 0) return [];
  const counts = [`${succeeded}/${total} succeeded`, failed > 0 ? `${failed} failed` : "", running > 0 ? `${running} not finished` : ""];
  return [row("sub-jobs", counts.filter(Boolean).join(", ")), ...subJobsOf(job).map((sub) => subJobLine(sub as unknown as Fields))];
}

/** The summary `cloud-jobs get` prints: id, service, type, status (`error_code`/`fail_reason` on FAIL), times, entities, sub-jobs. */
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
