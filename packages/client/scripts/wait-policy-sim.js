#!/usr/bin/env node
// Compares polling policies on a simulated clock (simulatePolicy from src/wait):
// requests per job and how late the end of the job is noticed, over jobs of
// 1 s to 1 h spread evenly on a log scale (the range of issue 7's benchmark).
//
//   node scripts/wait-policy-sim.js [latencyMs=0] [jobs=400]
import { loadWaitModule } from "./wait-module.js";

const [latencyMs = 0, jobs = 400] = process.argv.slice(2).map(Number);
const { adaptivePollingPolicy, fixedIntervalPolicy, simulatePolicy } = await loadWaitModule();

const durations = Array.from({ length: jobs }, (_, i) => Math.round(1000 * Math.exp((Math.log(3600) * (i + 0.5)) / jobs)));
// AWS SDK v3 waiters (@smithy/util-waiter): delay before attempt n is random in [2 s, min(120 s, 2 s · 2^(n−1))].
const smithyLike = (input) => 2000 + input.random * (Math.min(120_000, 2000 * 2 ** Math.max(0, input.polls - 1)) - 2000);
const policies = [
  ["adaptive (default)", adaptivePollingPolicy(), 1000],
  ["fixed 1 s (gophertelekomcloud)", fixedIntervalPolicy(1000), 1000],
  ["fixed 10 s (terraform-provider-huaweicloud)", fixedIntervalPolicy(10_000), 1000],
  ["exponential 2–120 s (smithy waiters)", smithyLike, 2000],
];

const quantile = (xs, q) => [...xs].sort((a, b) => a - b)[Math.floor(q * (xs.length - 1))];
const pct = (x) => `${(100 * x).toFixed(1)} %`;
const sec = (ms) => `${(ms / 1000).toFixed(1)} s`;

const runs = new Map(policies.map(([name, policy, minDelayMs]) => [name, durations.map((d) => simulatePolicy(policy, d, { latencyMs, minDelayMs }))]));
const baseline = runs.get("fixed 1 s (gophertelekomcloud)").reduce((n, r) => n + r.requests, 0);

console.log(`${jobs} jobs, 1 s … 1 h log-uniform, round trip ${latencyMs} ms\n`);
console.log("policy                                       requests/job  vs fixed 1 s   delay/duration p50  p95   delay p50  p95");
for (const [name, results] of runs) {
  const total = results.reduce((n, r) => n + r.requests, 0);
  const relative = results.map((r, i) => r.detectionDelayMs / durations[i]);
  const absolute = results.map((r) => r.detectionDelayMs);
  console.log(
    `${name.padEnd(44)} ${(total / jobs).toFixed(1).padStart(12)}  ${pct(total / baseline).padStart(11)}   ${pct(quantile(relative, 0.5)).padStart(18)}  ${pct(quantile(relative, 0.95)).padStart(6)}   ${sec(quantile(absolute, 0.5)).padStart(7)}  ${sec(quantile(absolute, 0.95)).padStart(6)}`,
  );
}

console.log("\nadaptive by job duration         requests (fixed 1 s)   noticed late");
for (const d of [1_000, 10_000, 60_000, 300_000, 600_000, 1_800_000, 3_600_000]) {
  const a = simulatePolicy(adaptivePollingPolicy(), d + 500, { latencyMs });
  const f = simulatePolicy(fixedIntervalPolicy(1000), d + 500, { latencyMs });
  console.log(`${sec(d + 500).padStart(9)}                       ${String(a.requests).padStart(6)} (${String(f.requests).padStart(5)})   ${sec(a.detectionDelayMs).padStart(7)}  ${pct(a.detectionDelayMs / (d + 500)).padStart(7)}`);
}
