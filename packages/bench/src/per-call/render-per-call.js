// RESULTS.md text of item 1.
import { bytes, spread, table, verdict } from "../lib/format.js";
import { JOB_BODY } from "./job-body.js";

/** The goals: per-call time relative to raw fetch. */
export const PER_CALL_GOALS = /** @type {Readonly<Record<string, number>>} */ ({
  "cloud-jobs getJob (token)": 1.1,
  "cloud-jobs getJob (AK/SK)": 1.2,
});

const us = { unit: "µs", decimals: 0, scale: (/** @type {number} */ v) => v * 1000 };

/**
 * @param {Awaited<ReturnType<typeof import("../lib/interleave.js").runInterleaved>>} run
 * @param {Awaited<ReturnType<typeof import("./signer-micro.js").measureSigners>>} signers
 */
export function renderPerCall(run, signers) {
  const rows = run.results.map((r) => {
    const limit = PER_CALL_GOALS[r.name];
    return [
      r.name,
      spread(r.wall.perCallMs, us),
      spread(r.wall.ratio, { unit: "×" }),
      spread(r.cpu.perCallMs, us),
      spread(r.cpu.ratio, { unit: "×" }),
      limit === undefined ? "" : `≤ ${limit.toFixed(2)}×: ${verdict(r.wall.ratio.median <= limit)} (CPU: ${verdict(r.cpu.ratio.median <= limit)})`,
    ];
  });
  const intervals = run.results.flatMap((r) => {
    const limit = PER_CALL_GOALS[r.name];
    if (limit === undefined) return [];
    const text = (/** @type {{ low: number, high: number }} */ i) =>
      `${i.low.toFixed(2)}–${i.high.toFixed(2)}×${i.low <= limit && limit <= i.high ? " (contains the goal: this run cannot tell met from missed)" : ""}`;
    return [`- ${r.name}: wall ${text(r.wall.ratioInterval)}; client CPU ${text(r.cpu.ratioInterval)}`];
  });
  const signerRows = signers.results.map((r) => [
    r.name,
    spread(r.latencyMs, { unit: "µs", decimals: 1, scale: (v) => v * 1000 }),
    spread(r.ratio, { unit: "×" }),
  ]);
  return [
    `One \`GET /v1/{project_id}/jobs/{job_id}\` per call, one call at a time, against one node:http server in a child process on 127.0.0.1 that answers every request with the same ${bytes(Buffer.byteLength(JOB_BODY))} ECS job (no validation, no signature check: the server costs the same for everyone). Each contender sends, checks the status and parses the body; the cloud-jobs client runs with its defaults (retry policy, timeout, error normalisation).`,
    "",
    `${run.rounds} rounds × ${run.batch} calls per contender, round-robin with the order rotated every round and garbage collected between batches. Figures are medians over rounds [p25–p75]; ratios are taken round by round against raw fetch in the same round. **Wall** is the time a caller waits (client + loopback + server). **Client CPU** is the CPU time of the measuring process alone (all its threads; the server is another process), which being descheduled by other load does not inflate — on a busy machine it is the steadier figure, and the stricter one, since the server's share is left out.`,
    "",
    table(["contender", "wall per call", "wall × raw fetch", "client CPU per call", "CPU × raw fetch", "goal (judged on wall)"], rows),
    "",
    "95 % confidence interval of the median ratio (order statistics over rounds), for the contenders with a goal:",
    "",
    ...intervals,
    "",
    `Signing alone (no request), ${signers.rounds} rounds sampled by tinybench with the order alternated; median latency per round [p25–p75] and ratio to ours:`,
    "",
    table(["signer", "time per signature", "× cloud-jobs"], signerRows),
  ].join("\n");
}
