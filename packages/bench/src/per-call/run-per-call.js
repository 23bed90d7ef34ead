// Item 1: the time of one job query — raw fetch, openapi-fetch alone, the cloud-jobs client
// with either kind of auth and the official SDK — interleaved against the same loopback
// server; then signing alone, ours against the SDK's. Each contender does the whole job a
// caller needs: send, check the status, parse the body.
import { createJobsClient } from "@cloud-jobs/client";
import { signRequest } from "@cloud-jobs/client/signer";
import createClient from "openapi-fetch";
import { Bench } from "tinybench";
import { pairedRatios, runInterleaved, summarize } from "../lib/measure.js";
import { BenchError, bytes, spread, table, verdict } from "../lib/report.js";
import { AK_SK, JOB_BODY, JOB_ID, JOB_PATH, PROJECT_ID, startLoopbackServer, TOKEN } from "./loopback.js";
import { loadOfficialSdk, officialSdkShowJob } from "./official-sdk.js";

/** @typedef {import("../lib/measure.js").Contender} Contender */

/**
 * The contenders, ours with their defaults (retry policy, timeout, error normalisation):
 * raw `fetch` with a token, the floor every other one is compared with; openapi-fetch alone
 * (the client's only runtime dependency) typed by the client's `paths`; `getJob` of a
 * cloud-jobs client as a user creates it, with a token and with AK/SK; the official SDK.
 * @param {string} url base URL of the loopback server @returns {Contender[]}
 */
function contenders(url) {
  const headers = { Accept: "application/json", "X-Auth-Token": TOKEN };
  /** @type {import("openapi-fetch").Client<import("@cloud-jobs/client").paths>} */
  const api = createClient({ baseUrl: url, headers });
  const params = { path: { project_id: PROJECT_ID, job_id: JOB_ID } };
  const client = (/** @type {import("@cloud-jobs/client").Auth} */ auth) => createJobsClient({ service: "ecs", projectId: PROJECT_ID, endpoint: url, auth });
  const [withToken, withKeys] = [client({ token: TOKEN }), client(AK_SK)];
  const fail = (/** @type {Response} */ response) => Promise.reject(new Error(`HTTP ${response.status}`));
  return [
    { name: "raw fetch (token)", call: () => fetch(`${url}${JOB_PATH}`, { headers }).then((response) => (response.ok ? response.json() : fail(response))) },
    { name: "openapi-fetch alone (token)", call: () => api.GET("/v1/{project_id}/jobs/{job_id}", { params }).then(({ data, response }) => data ?? fail(response)) },
    { name: "cloud-jobs getJob (token)", call: () => withToken.getJob(JOB_ID) },
    { name: "cloud-jobs getJob (AK/SK)", call: () => withKeys.getJob(JOB_ID) },
    officialSdkShowJob(url),
  ];
}

const HOST = "ecs.eu-de.otc.t-systems.com";
const URL_ = `https://${HOST}${JOB_PATH}`;

/** @returns {Array<{ name: string, fn: () => unknown }>} */
function tasks() {
  const { signer } = loadOfficialSdk();
  const credential = { getAk: () => AK_SK.accessKey, getSk: () => AK_SK.secretKey };
  return [
    { name: "cloud-jobs signRequest (node:crypto, Web Crypto fallback)", fn: () => signRequest({ method: "GET", url: URL_, headers: { Host: HOST, "X-Project-Id": PROJECT_ID } }, AK_SK) },
    {
      name: "official SDK AKSKSigner.sign (node:crypto)",
      fn: () => signer.sign({ method: "GET", endpoint: URL_, headers: { Host: HOST, "X-Project-Id": PROJECT_ID }, queryParams: {} }, credential),
    },
  ];
}

/** Median per-round latency of each signer and the ratio of the second to the first. @param {{ rounds: number, msPerTaskPerRound: number }} options */
export async function measureSigners({ rounds, msPerTaskPerRound }) {
  const list = tasks();
  /** @type {number[][]} */
  const samples = list.map(() => []);
  for (let round = 0; round < rounds; round++) {
    const bench = new Bench({ time: msPerTaskPerRound, iterations: 20, warmup: true, warmupTime: 20, throws: true });
    const order = round % 2 === 0 ? [0, 1] : [1, 0];
    for (const i of order) {
      const task = /** @type {{ name: string, fn: () => unknown }} */ (list[i]);
      bench.add(task.name, task.fn);
    }
    await bench.run();
    for (const [i, task] of list.entries()) {
      const result = bench.getTask(task.name)?.result;
      if (result === undefined || (result.state !== "completed" && result.state !== "aborted-with-statistics")) {
        throw new BenchError("CONTENDER_FAILED", `${task.name} produced no samples`, { state: result?.state });
      }
      /** @type {number[]} */ (samples[i]).push(result.latency.p50);
    }
  }
  const ours = /** @type {number[]} */ (samples[0]);
  return {
    rounds,
    results: list.map((task, i) => {
      const s = /** @type {number[]} */ (samples[i]);
      return { name: task.name, latencyMs: summarize(s), ratio: summarize(pairedRatios(s, ours)) };
    }),
  };
}

/** The goals: per-call time relative to raw fetch. */
export const PER_CALL_GOALS = /** @type {Readonly<Record<string, number>>} */ ({
  "cloud-jobs getJob (token)": 1.1,
  "cloud-jobs getJob (AK/SK)": 1.2,
});

const us = { unit: "µs", decimals: 0, scale: (/** @type {number} */ v) => v * 1000 };

/** @param {Awaited<ReturnType<typeof runInterleaved>>} run @param {Awaited<ReturnType<typeof measureSigners>>} signers */
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

/** @param {{ ratio: { median: number }, ratioInterval: { low: number, high: number } }} series */
function ratioText({ ratio, ratioInterval }) {
  return `${ratio.median.toFixed(2)}× (${ratioInterval.low.toFixed(2)}–${ratioInterval.high.toFixed(2)})`;
}

/**
 * Measures getJob (token, AK/SK), raw fetch, openapi-fetch and the official SDK, interleaved.
 * @param {{ quick: boolean }} options @returns {Promise<import("../lib/report.js").SectionResult>}
 */
export async function runPerCall({ quick }) {
  const server = await startLoopbackServer();
  try {
    const list = contenders(server.url);
    for (const c of list) {
      const job = /** @type {{ job_id?: unknown } | undefined} */ (await c.call());
      if (job?.job_id !== JOB_ID) throw new BenchError("CONTENDER_FAILED", `${c.name} did not return the job`, { contender: c.name });
    }
    const run = quick
      ? await runInterleaved({ contenders: list, rounds: 3, batch: 5, warmupRounds: 1, minRounds: 3 })
      : await runInterleaved({ contenders: list, rounds: 400, batch: 20, warmupRounds: 5, budgetMs: 35_000, minRounds: 40 });
    const signers = await measureSigners(quick ? { rounds: 2, msPerTaskPerRound: 10 } : { rounds: 16, msPerTaskPerRound: 100 });

    const goals = Object.entries(PER_CALL_GOALS).map(([name, limit]) => {
      const result = run.results.find((r) => r.name === name);
      if (result === undefined) throw new BenchError("MISSING_FIGURE", `no result for ${name}`);
      return { item: "1. per-call time", goal: `${name} ≤ ${limit.toFixed(2)}× raw fetch (wall time)`, measured: `${ratioText(result.wall)} wall, ${ratioText(result.cpu)} client CPU (medians of ${run.rounds} rounds, 95 % interval of the median)`, met: result.wall.ratio.median <= limit };
    });
    return { title: "1. Per-call time of getJob", markdown: renderPerCall(run, signers), goals };
  } finally {
    await server.close();
  }
}
