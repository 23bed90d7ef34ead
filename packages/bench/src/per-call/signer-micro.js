// Signing alone, without the network: our signer (node:crypto where the runtime has it) against the SDK's
// AKSKSigner, to show how much of the AK/SK per-call figure is the signature.
// tinybench samples each contender within a round; rounds alternate the order.
import { signRequest } from "@cloud-jobs/client/signer";
import { Bench } from "tinybench";
import { BenchError } from "../lib/bench-error.js";
import { pairedRatios, summarize } from "../lib/stats.js";
import { AK_SK, JOB_PATH, PROJECT_ID } from "./job-body.js";
import { loadOfficialSdk } from "./official-sdk.js";

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

/**
 * Median per-round latency of each signer and the ratio of the second to the first.
 * @param {{ rounds: number, msPerTaskPerRound: number }} options
 */
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
