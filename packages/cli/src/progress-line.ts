import { formatDuration } from "./duration.js";

/** What one progress line shows; `onProgress` of `waitForJob` provides all of it. */
export interface ProgressSnapshot {
  readonly status: string;
  readonly subJobs: { readonly total: number; readonly succeeded: number; readonly failed: number };
  readonly elapsedMs: number;
}

/**
 * `sub-jobs 2/3` (finished of total, failures counted as finished), with
 * `, 1 failed` when some failed; `undefined` for a job without sub-jobs.
 */
export function formatSubJobCounts(subJobs: ProgressSnapshot["subJobs"]): string | undefined {
  if (subJobs.total === 0) return undefined;
  const done = subJobs.succeeded + subJobs.failed;
  return `sub-jobs ${done}/${subJobs.total}${subJobs.failed > 0 ? `, ${subJobs.failed} failed` : ""}`;
}

/**
 * One progress line: `RUNNING  sub-jobs 2/3  elapsed 1m 02s`.
 *
 * @example formatProgress({ status: "RUNNING", subJobs: { total: 3, succeeded: 2, failed: 0 }, elapsedMs: 62_000 })
 */
export function formatProgress(snapshot: ProgressSnapshot): string {
  // Whole seconds: a live display redrawn with milliseconds flickers.
  const elapsed = snapshot.elapsedMs < 1000 ? "0s" : formatDuration(snapshot.elapsedMs);
  return [snapshot.status, formatSubJobCounts(snapshot.subJobs), `elapsed ${elapsed}`]
    .filter((part) => part !== undefined)
    .join("  ");
}

/** True when two snapshots differ in what a plain log shows as a change: status or sub-job counts. */
export function progressChanged(previous: ProgressSnapshot | undefined, next: ProgressSnapshot): boolean {
  if (previous === undefined) return true;
  const a = previous.subJobs;
  const b = next.subJobs;
  return previous.status !== next.status || a.total !== b.total || a.succeeded !== b.succeeded || a.failed !== b.failed;
}
