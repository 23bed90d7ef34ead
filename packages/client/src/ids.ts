import { InvalidArgumentError } from "./errors.js";

/** Longest id accepted. Real ids are 32 (hex) or 36 (UUID) characters; the margin allows other formats, not paths. */
export const MAX_ID_LENGTH = 64;

const SAFE_ID = /^[A-Za-z0-9][A-Za-z0-9_-]*$/;

function show(value: string): string {
  return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
}

/** Why `value` cannot be put into a URL path segment, or `undefined` when it can. */
function problemWith(value: unknown): string | undefined {
  if (typeof value !== "string") return `must be a string, got ${value === null ? "null" : typeof value}`;
  if (value === "") return "must not be empty";
  if (value.length > MAX_ID_LENGTH) return `must be at most ${MAX_ID_LENGTH} characters, got ${value.length}`;
  if (/\s/.test(value)) return `must not contain whitespace: ${show(value)}`;
  if (/[/\\]|^\.\.?$|\.\./.test(value)) return `must not contain a path separator or dot segment: ${show(value)}`;
  if (value.includes("%")) return `must not contain percent-encoded characters (such as %2F): ${show(value)}`;
  if (/[?#]/.test(value)) return `must not contain "?" or "#": ${show(value)}`;
  if (!SAFE_ID.test(value)) return `may only contain letters, digits, "-" and "_": ${show(value)}`;
  return undefined;
}

/**
 * Checks a job id before it goes into `/v1/{project_id}/jobs/{job_id}`: ids
 * are 32 lower-case hex characters or a hyphenated UUID; anything that could
 * change the path (`../`, `?`, `#`, `%2F`, whitespace), empty or over-long
 * values throw `InvalidArgumentError` and nothing is sent.
 */
export function assertJobId(jobId: unknown): asserts jobId is string {
  const problem = problemWith(jobId);
  if (problem !== undefined) throw new InvalidArgumentError("jobId", problem);
}

/** Same checks as `assertJobId`, for the project id (32 lower-case hex characters in practice). */
export function assertProjectId(projectId: unknown): asserts projectId is string {
  const problem = problemWith(projectId);
  if (problem !== undefined) throw new InvalidArgumentError("projectId", problem);
}

/** True when `value` is safe as a job or project id (see `assertJobId`). */
export function isSafeId(value: unknown): value is string {
  return problemWith(value) === undefined;
}
