import { createLogUpdate } from "log-update";
import { formatDuration } from "./format.js";
import type { OutputStream } from "./io.js";

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
function formatProgress(snapshot: ProgressSnapshot): string {
  // Whole seconds: a live display redrawn with milliseconds flickers.
  const elapsed = snapshot.elapsedMs < 1000 ? "0s" : formatDuration(snapshot.elapsedMs);
  return [snapshot.status, formatSubJobCounts(snapshot.subJobs), `elapsed ${elapsed}`]
    .filter((part) => part !== undefined)
    .join("  ");
}

/** What a plain log shows as a change: status and sub-job counts, without the time. */
const changeKey = (snapshot: ProgressSnapshot): string => `${snapshot.status} ${formatSubJobCounts(snapshot.subJobs)}`;

/** Shows the progress of one wait. */
export interface ProgressDisplay {
  /** A poll returned the job. */
  update(snapshot: ProgressSnapshot): void;
  /** A poll failed with a transient error; the wait goes on. */
  retrying(reason: string): void;
  /** The wait ended: stop redrawing and leave the last frame in place. */
  finish(): void;
}

// The live display redraws the elapsed time between polls, which can be a minute apart.
const TICK_MS = 1000;

/**
 * A display redrawn in place (log-update) when `stream` is a terminal; one
 * plain line per change of status or sub-job counts otherwise, so CI logs
 * and pipes get a readable history instead of escape codes.
 */
export function createProgressDisplay(stream: OutputStream, jobId: string, now: () => number = Date.now): ProgressDisplay {
  return stream.isTTY === true ? liveDisplay(stream, jobId, now) : plainDisplay(stream);
}

function plainDisplay(stream: OutputStream): ProgressDisplay {
  let last: ProgressSnapshot | undefined;
  return {
    update(snapshot) {
      if (last === undefined || changeKey(last) !== changeKey(snapshot)) stream.write(`${formatProgress(snapshot)}\n`);
      last = snapshot;
    },
    retrying(reason) {
      stream.write(`retrying: ${reason}\n`);
    },
    finish() {},
  };
}

function liveDisplay(stream: OutputStream, jobId: string, now: () => number): ProgressDisplay {
  const render = createLogUpdate(stream as NodeJS.WritableStream);
  let last: ProgressSnapshot | undefined;
  let lastAt = now();
  let note = "";
  const draw = () => {
    const snapshot = last ?? { status: "waiting for the first answer", subJobs: { total: 0, succeeded: 0, failed: 0 }, elapsedMs: 0 };
    const elapsedMs = snapshot.elapsedMs + (now() - lastAt);
    render(`job ${jobId}  ${formatProgress({ ...snapshot, elapsedMs })}${note === "" ? "" : `\n${note}`}`);
  };
  const ticker = setInterval(draw, TICK_MS);
  // Never keep the process alive for a redraw: the wait's own timers decide when it ends.
  ticker.unref();
  draw();
  return {
    update(snapshot) {
      last = snapshot;
      lastAt = now();
      note = "";
      draw();
    },
    retrying(reason) {
      note = `retrying: ${reason}`;
      draw();
    },
    finish() {
      clearInterval(ticker);
      draw();
      render.done();
    },
  };
}
