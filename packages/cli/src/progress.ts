import { createLogUpdate } from "log-update";
import { formatDuration } from "./format.js";
import type { OutputStream } from "./io.js";

/** What one progress line shows; `onProgress` of `waitForJob` provides all of it. */
export interface ProgressSnapshot {
  readonly status: string;
  readonly subJobs: { readonly total: number; readonly succeeded: number; readonly failed: number };
  readonly elapsedMs: number;
}

/** `sub-jobs 2/3` (finished of total, failures included), `, 1 failed` when some failed; `undefined` without sub-jobs. */
export function formatSubJobCounts(subJobs: ProgressSnapshot["subJobs"]): string | undefined {
  if (subJobs.total === 0) return undefined;
  const done = subJobs.succeeded + subJobs.failed;
  return `sub-jobs ${done}/${subJobs.total}${subJobs.failed > 0 ? `, ${subJobs.failed} failed` : ""}`;
}

/** One progress line: `RUNNING  sub-jobs 2/3  elapsed 1m 02s`. */
function formatProgress(snapshot: ProgressSnapshot): string {
  // Whole seconds: a live display redrawn with milliseconds flickers.
  const elapsed = snapshot.elapsedMs < 1000 ? "0s" : formatDuration(snapshot.elapsedMs);
  return [snapshot.status, formatSubJobCounts(snapshot.subJobs), `elapsed ${elapsed}`]
    .filter((part) => part !== undefined)
    .join("  ");
}

/** What a plain log shows as a change: status and sub-job counts, without the time. */
const changeKey = (snapshot: ProgressSnapshot): string => `${snapshot.status} ${formatSubJobCounts(snapshot.subJobs)}`;

/** Shows the progress of one wait or many (then `jobId` says whose). */
export interface ProgressDisplay {
  /** A poll returned the job. */
  update(snapshot: ProgressSnapshot, jobId?: string): void;
  /** A poll failed with a transient error; the wait goes on. */
  retrying(reason: string, jobId?: string): void;
  /** The wait ended: stop redrawing and leave the last frame in place. */
  finish(): void;
}

// The live display redraws the elapsed time between polls, which can be a minute apart.
const TICK_MS = 1000;

/**
 * A display redrawn in place (log-update) when `stream` is a terminal, one line per job; one plain line per change of
 * status or sub-job counts otherwise (led by the job id when there are several), so CI logs and pipes get a readable
 * history instead of escape codes.
 */
export function createProgressDisplay(stream: OutputStream, jobIds: string | readonly string[], now: () => number = Date.now): ProgressDisplay {
  const ids = [jobIds].flat();
  const jobs = new Map(ids.map((id) => [id, { last: undefined as ProgressSnapshot | undefined, lastAt: now(), note: "" }]));
  const at = (jobId = ids[0]!) => jobs.get(jobId) ?? jobs.set(jobId, { last: undefined, lastAt: now(), note: "" }).get(jobId)!;
  if (stream.isTTY !== true) {
    const lead = (jobId: string | undefined) => (ids.length > 1 ? `${jobId}  ` : "");
    return {
      update(snapshot, jobId) {
        const job = at(jobId);
        if (job.last === undefined || changeKey(job.last) !== changeKey(snapshot)) stream.write(`${lead(jobId)}${formatProgress(snapshot)}\n`);
        job.last = snapshot;
      },
      retrying: (reason, jobId) => void stream.write(`${lead(jobId)}retrying: ${reason}\n`),
      finish() {},
    };
  }
  const render = createLogUpdate(stream as NodeJS.WritableStream);
  const waiting = { status: "waiting for the first answer", subJobs: { total: 0, succeeded: 0, failed: 0 }, elapsedMs: 0 };
  const line = (id: string, { last = waiting, lastAt, note }: ReturnType<typeof at>) =>
    `job ${id}  ${formatProgress({ ...last, elapsedMs: last.elapsedMs + (now() - lastAt) })}${note === "" ? "" : `\n${note}`}`;
  const draw = () => render([...jobs].map(([id, job]) => line(id, job)).join("\n"));
  const ticker = setInterval(draw, TICK_MS);
  // Never keep the process alive for a redraw: the wait's own timers decide when it ends.
  ticker.unref();
  draw();
  return {
    update(snapshot, jobId) {
      Object.assign(at(jobId), { last: snapshot, lastAt: now(), note: "" });
      draw();
    },
    retrying(reason, jobId) {
      at(jobId).note = `retrying: ${reason}`;
      draw();
    },
    finish() {
      clearInterval(ticker);
      draw();
      render.done();
    },
  };
}
