import { createLogUpdate } from "log-update";
import type { OutputStream } from "./io.js";
import { formatProgress, progressChanged, type ProgressSnapshot } from "./progress-line.js";

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
      if (progressChanged(last, snapshot)) stream.write(`${formatProgress(snapshot)}\n`);
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
