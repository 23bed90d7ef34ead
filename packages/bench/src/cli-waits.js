// Measures `cloud-jobs wait` on many mock jobs: wall time and the job requests the server receives.
//   node packages/bench/src/cli-waits.js [jobs=1000] [max-rps=50] [duration-ms=20000]
// (after `pnpm build`; requests are counted by a proxy in front of the mock, as the server sees them)
import { spawn } from "node:child_process";
import { createServer, request } from "node:http";
import { fileURLToPath } from "node:url";
import { startMockServer } from "@cloud-jobs/mock-server";

const [jobs = 1000, maxRps = 50, durationMs = 20_000] = process.argv.slice(2).map(Number);
const mock = await startMockServer({ port: 0 });
let requests = 0;
const proxy = createServer((req, res) => {
  if (req.url?.includes("/jobs/")) requests++;
  const upstream = request(`${mock.url}${req.url}`, { method: req.method, headers: req.headers }, (answer) => {
    res.writeHead(answer.statusCode ?? 502, answer.headers);
    answer.pipe(res);
  });
  req.pipe(upstream);
});
await new Promise((resolve) => proxy.listen(0, "127.0.0.1", () => resolve(undefined)));
const ids = Array.from({ length: jobs }, () => mock.createJob({ service: "ecs", job_type: "createServer", duration_ms: durationMs, sub_jobs: 1, outcome: "SUCCESS" }).job_id);
const started = Date.now();
const cli = fileURLToPath(new URL("../../cli/bin/cloud-jobs.js", import.meta.url));
const args = [cli, "wait", "-", "--service", "ecs", "--endpoint", `http://127.0.0.1:${/** @type {import("node:net").AddressInfo} */ (proxy.address()).port}`, "--max-rps", String(maxRps), "--json"];
const child = spawn(process.execPath, args, { env: { ...process.env, OS_AUTH_TOKEN: "measure", OS_PROJECT_ID: "0605768a6f80d5762f52c0150e726aa7" }, stdio: ["pipe", "pipe", "ignore"] });
child.stdin.end(ids.join("\n"));
let out = "";
child.stdout.on("data", (chunk) => (out += chunk));
const code = await new Promise((resolve) => child.on("close", resolve));
const seconds = (Date.now() - started) / 1000;
const succeeded = JSON.parse(out).filter((/** @type {any} */ row) => row.job?.status === "SUCCESS").length;
console.log(JSON.stringify({ jobs, maxRps, jobDurationMs: durationMs, exitCode: code, succeeded, seconds, requests, requestsPerJob: requests / jobs, requestsPerSecond: +(requests / seconds).toFixed(1) }));
proxy.close();
await mock.close();
