// Item 1: one job query per contender (send, check, parse), interleaved against the loopback server; signing alone;
// CPU at 500 requests/s. See README.md. The official SDK writes ~/.huaweicloud on first use, so it gets a temporary
// HOME for the rest of this process (child processes get `originalHome` back); its credentials here are fake.
import { mkdtempSync } from "node:fs";
import { get } from "node:http";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createJobsClient } from "@cloud-jobs/client";
import { signRequest } from "@cloud-jobs/client/signer";
import createClient from "openapi-fetch";
import { Bench } from "tinybench";
import { pairedRatios, runInterleaved, summarize } from "./lib/measure.js";
import { BenchError, bytes, num, spread, table } from "./lib/report.js";
import { AK_SK, JOB_BODY, JOB_ID, JOB_PATH, PROJECT_ID, startLoopbackServer, TOKEN } from "./loopback.js";

/** @typedef {import("./lib/measure.js").Contender} Contender */

/** One GET through node:http's global keep-alive agent, the body parsed: the floor under the client's transport on Node.
 * @param {string} url @param {Record<string, string>} headers @returns {Promise<unknown>} */
function rawHttp(url, headers) {
  return new Promise((resolve, reject) => {
    get(url, { headers }, (response) => {
      let text = "";
      response.setEncoding("utf8");
      response.on("data", (chunk) => (text += chunk));
      response.on("end", () => (response.statusCode === 200 ? resolve(JSON.parse(text)) : reject(new BenchError("CONTENDER_FAILED", `HTTP ${response.statusCode}`))));
    }).on("error", reject);
  });
}

export const originalHome = process.env["HOME"];

/** @type {{ core: any, ecs: any, signer: any } | undefined} */
let loaded;
/** Loads the SDK once, with HOME pointed at a fresh temporary directory. */
function loadOfficialSdk() {
  if (loaded !== undefined) return loaded;
  process.env["HOME"] = mkdtempSync(join(tmpdir(), "cloud-jobs-bench-hwsdk-"));
  const require = createRequire(import.meta.url);
  const [core, ecs] = [require("@huaweicloud/huaweicloud-sdk-core"), require("@huaweicloud/huaweicloud-sdk-ecs")];
  // AKSKSigner is not re-exported by the package's index; the path is the one the SDK's own clients use.
  return (loaded = { core, ecs, signer: require("@huaweicloud/huaweicloud-sdk-core/auth/AKSKSigner").AKSKSigner });
}

/** Raw fetch (the floor), openapi-fetch alone, cloud-jobs getJob with its defaults (token, AK/SK), the official SDK. @param {string} url @returns {Contender[]} */
function contenders(url) {
  const headers = { Accept: "application/json", "X-Auth-Token": TOKEN };
  /** @type {import("openapi-fetch").Client<import("@cloud-jobs/client").paths>} */
  const api = createClient({ baseUrl: url, headers });
  const params = { path: { project_id: PROJECT_ID, job_id: JOB_ID } };
  const client = (/** @type {import("@cloud-jobs/client").Auth} */ auth) => createJobsClient({ service: "ecs", projectId: PROJECT_ID, endpoint: url, auth });
  const [withToken, withKeys] = [client({ token: TOKEN }), client(AK_SK)];
  const fail = (/** @type {Response} */ response) => Promise.reject(new Error(`HTTP ${response.status}`));
  const { core, ecs } = loadOfficialSdk();
  const credentials = new core.BasicCredentials().withAk(AK_SK.accessKey).withSk(AK_SK.secretKey).withProjectId(PROJECT_ID);
  const sdk = ecs.EcsClient.newBuilder().withCredential(credentials).withEndpoint(url).build();
  return [
    { name: "raw fetch (token)", call: () => fetch(`${url}${JOB_PATH}`, { headers }).then((response) => (response.ok ? response.json() : fail(response))) },
    { name: "openapi-fetch alone (token)", call: () => api.GET("/v1/{project_id}/jobs/{job_id}", { params }).then(({ data, response }) => data ?? fail(response)) },
    { name: "raw node:http (token)", call: () => rawHttp(`${url}${JOB_PATH}`, headers) },
    { name: "cloud-jobs getJob (token)", call: () => withToken.getJob(JOB_ID) },
    { name: "cloud-jobs getJob (AK/SK)", call: () => withKeys.getJob(JOB_ID) },
    { name: "official SDK showJob (AK/SK)", call: () => sdk.showJob(new ecs.ShowJobRequest(JOB_ID)) },
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

/** Median per-round latency of each signer (tinybench, order alternated) and its ratio to ours. @param {{ rounds: number, msPerTaskPerRound: number }} options */
export async function measureSigners({ rounds, msPerTaskPerRound }) {
  const list = tasks();
  const samples = list.map(() => /** @type {number[]} */ ([]));
  for (let round = 0; round < rounds; round++) {
    const bench = new Bench({ time: msPerTaskPerRound, iterations: 20, warmup: true, warmupTime: 20, throws: true });
    for (const task of round % 2 === 0 ? list : list.toReversed()) bench.add(task.name, task.fn);
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

/** The goals: per-call time relative to openapi-fetch's own GET with the same token header, on both figures. */
const us = { unit: "µs", decimals: 0, scale: (/** @type {number} */ v) => v * 1000 };
const PER_CALL_GOALS = /** @type {Readonly<Record<string, number>>} */ ({ "cloud-jobs getJob (token)": 1.05, "cloud-jobs getJob (AK/SK)": 1.1 });
const [RAW, OPENAPI_FETCH] = [0, 1]; // positions in `contenders`
const RATE = 500;

/** Share of one core this process uses while `contender` runs `RATE` overlapping calls/s for `seconds`.
 * @param {Contender} contender @param {number} seconds
 */
async function cpuShareAtRate(contender, seconds) {
  const [calls, c0, t0] = [/** @type {Promise<unknown>[]} */ ([]), process.cpuUsage(), performance.now()];
  for (let i = 0; i < RATE * seconds; i++) {
    const due = t0 + (i * 1000) / RATE;
    if (due > performance.now()) await new Promise((resolve) => setTimeout(resolve, due - performance.now()));
    calls.push(contender.call());
  }
  await Promise.all(calls);
  const used = process.cpuUsage(c0);
  return (used.user + used.system) / 1000 / (performance.now() - t0);
}

/** @param {{ quick: boolean }} options @returns {Promise<import("./lib/report.js").SectionResult>} */
export async function runPerCall({ quick }) {
  const server = await startLoopbackServer();
  try {
    const list = contenders(server.url);
    for (const c of list) {
      const job = /** @type {{ job_id?: unknown } | undefined} */ (await c.call());
      if (job?.job_id !== JOB_ID) throw new BenchError("CONTENDER_FAILED", `${c.name} did not return the job`, { contender: c.name });
    }
    const [median, mean] = quick
      ? [{ rounds: 3, batch: 5, warmupRounds: 1, minRounds: 3 }, { rounds: 3, batch: 5, warmupRounds: 1, minRounds: 3, collect: false }]
      : [{ rounds: 400, batch: 20, warmupRounds: 5, budgetMs: 30_000, minRounds: 40 }, { rounds: 90, batch: 20, warmupRounds: 5, collect: false }];
    const byRound = await runInterleaved({ contenders: list, ...median });
    const allCalls = await runInterleaved({ contenders: list, ...mean });
    const shares = /** @type {number[]} */ ([]);
    for (const c of list) shares.push(await cpuShareAtRate(c, quick ? 0.1 : 3));
    const signers = await measureSigners(quick ? { rounds: 2, msPerTaskPerRound: 10 } : { rounds: 16, msPerTaskPerRound: 100 });
    /** Median of round-by-round ratios to contender `j`, and ratio of the means of all calls. */
    const ratio = (/** @type {number} */ i, /** @type {number} */ j, /** @type {"wall" | "cpu"} */ k = "wall") => ({
      median: summarize(pairedRatios(/** @type {any} */ (byRound.results[i])[k].samples, /** @type {any} */ (byRound.results[j])[k].samples)),
      mean: /** @type {any} */ (allCalls.results[i])[k].meanMs / /** @type {any} */ (allCalls.results[j])[k].meanMs,
    });
    const x = (/** @type {number} */ v) => `${num(v)}×`;
    const rows = list.map((c, i) => {
      const [r, o] = [ratio(i, RAW), ratio(i, OPENAPI_FETCH)];
      const at = /** @type {any} */ (allCalls.results[i]);
      return [c.name, spread(/** @type {any} */ (byRound.results[i]).wall.perCallMs, us), spread(r.median, { unit: "×" }), spread(o.median, { unit: "×" }), `${num(at.wall.meanMs * 1000, 0)} µs`, x(r.mean), x(o.mean), `${num(at.cpu.meanMs * 1000, 0)} µs`, `${num((shares[i] ?? 0) * 100, 1)} %`];
    });
    const goals = Object.entries(PER_CALL_GOALS).flatMap(([name, limit]) => {
      const i = list.findIndex((c) => c.name === name);
      if (i < 0) throw new BenchError("MISSING_FIGURE", `no result for ${name}`);
      const { median: m, mean: a } = ratio(i, OPENAPI_FETCH);
      const goal = `${name} ≤ ${num(limit)}× openapi-fetch's own GET`;
      return [
        { item: "1. per-call time", goal: `${goal}, median of rounds`, measured: `${x(m.median)} [${num(m.p25)}–${num(m.p75)}] wall, ${x(ratio(i, OPENAPI_FETCH, "cpu").median.median)} CPU (${byRound.rounds} rounds)`, met: m.median <= limit },
        { item: "1. per-call time", goal: `${goal}, mean of all calls incl. GC`, measured: `${x(a)} wall, ${x(ratio(i, OPENAPI_FETCH, "cpu").mean)} CPU (${allCalls.rounds * allCalls.batch} calls)`, met: a <= limit },
      ];
    });
    const markdown = [
      `One \`GET /v1/{project_id}/jobs/{job_id}\` per call, one call at a time, against one node:http server in a child process on 127.0.0.1 (keep-alive) that answers every request with the same ${bytes(Buffer.byteLength(JOB_BODY))} ECS job (no validation, no signature check: the server costs the same for everyone). Each contender sends, checks the status and parses the body; the cloud-jobs client runs with its defaults (retry policy, timeout, error normalisation; on Node its requests go through node:http and its global keep-alive agent, not the global fetch), openapi-fetch alone sends the same token header through the global fetch, and raw node:http is the floor under the client's transport.`,
      "",
      `Two interleaved runs, round-robin with the order rotated every round: **median of rounds** (${byRound.rounds} rounds × ${byRound.batch} calls per contender, garbage collected between batches; ratios taken round by round) and **mean of all calls** (${allCalls.rounds} rounds × ${allCalls.batch} calls per contender, nobody's garbage collected for them: each pays for its own). **Client CPU** is the CPU time of the measuring process alone (the server is another process); being descheduled by other load does not inflate it. **CPU at ${RATE}/s** is the measuring process's CPU time while the contender runs ${RATE} calls a second for ${quick ? 0.1 : 3} s, as a share of one core: on a real network, where the round trip dwarfs the client, this is what the client costs.`,
      "",
      table(["contender", "wall per call, median", "× raw fetch", "× openapi-fetch", "wall per call, mean of all", "× raw fetch", "× openapi-fetch", "client CPU per call, mean", `CPU at ${RATE}/s`], rows),
      "",
      `Signing alone (no request), ${signers.rounds} rounds sampled by tinybench with the order alternated; median latency per round [p25–p75] and ratio to ours:`,
      "",
      table(["signer", "time per signature", "× cloud-jobs"], signers.results.map((r) => [r.name, spread(r.latencyMs, { unit: "µs", decimals: 1, scale: (v) => v * 1000 }), spread(r.ratio, { unit: "×" })])),
    ].join("\n");
    return { title: "1. Per-call time of getJob", markdown, goals };
  } finally {
    await server.close();
  }
}
