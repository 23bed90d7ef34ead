// Item 1: the time of one job query, every contender against the same loopback server.
import { BenchError } from "../lib/bench-error.js";
import { runInterleaved } from "../lib/interleave.js";
import { cloudJobsGetJob, openapiFetchAlone, rawFetch } from "./contenders.js";
import { JOB_ID } from "./job-body.js";
import { startLoopbackServer } from "./loopback-server.js";
import { officialSdkShowJob } from "./official-sdk.js";
import { PER_CALL_GOALS, renderPerCall } from "./render-per-call.js";
import { measureSigners } from "./signer-micro.js";

/** @param {{ ratio: { median: number }, ratioInterval: { low: number, high: number } }} series */
function ratioText({ ratio, ratioInterval }) {
  return `${ratio.median.toFixed(2)}× (${ratioInterval.low.toFixed(2)}–${ratioInterval.high.toFixed(2)})`;
}

/**
 * Measures getJob (token, AK/SK), raw fetch, openapi-fetch and the official SDK, interleaved.
 * @param {{ quick: boolean }} options
 * @returns {Promise<import("../lib/section.js").SectionResult>}
 */
export async function runPerCall({ quick }) {
  const server = await startLoopbackServer();
  try {
    const contenders = [
      rawFetch(server.url),
      openapiFetchAlone(server.url),
      cloudJobsGetJob(server.url, "token"),
      cloudJobsGetJob(server.url, "aksk"),
      officialSdkShowJob(server.url),
    ];
    for (const c of contenders) {
      const job = /** @type {{ job_id?: unknown } | undefined} */ (await c.call());
      if (job?.job_id !== JOB_ID) throw new BenchError("CONTENDER_FAILED", `${c.name} did not return the job`, { contender: c.name });
    }
    const run = quick
      ? await runInterleaved({ contenders, rounds: 3, batch: 5, warmupRounds: 1, minRounds: 3 })
      : await runInterleaved({ contenders, rounds: 400, batch: 20, warmupRounds: 5, budgetMs: 35_000, minRounds: 40 });
    const signers = await measureSigners(quick ? { rounds: 2, msPerTaskPerRound: 10 } : { rounds: 16, msPerTaskPerRound: 100 });

    const goals = Object.entries(PER_CALL_GOALS).map(([name, limit]) => {
      const result = run.results.find((r) => r.name === name);
      if (result === undefined) throw new BenchError("MISSING_FIGURE", `no result for ${name}`);
      return {
        item: "1. per-call time",
        goal: `${name} ≤ ${limit.toFixed(2)}× raw fetch (wall time)`,
        measured: `${ratioText(result.wall)} wall, ${ratioText(result.cpu)} client CPU (medians of ${run.rounds} rounds, 95 % interval of the median)`,
        met: result.wall.ratio.median <= limit,
      };
    });
    return { title: "1. Per-call time of getJob", markdown: renderPerCall(run, signers), goals };
  } finally {
    await server.close();
  }
}
