#!/usr/bin/env node
// Measures what 10 000 concurrent waits cost in one process, on real timers:
// heap per wait once they all run, the request rate actually sent (it must stay
// under the cap), and that close() gives the memory back.
//
//   node --expose-gc scripts/watcher-memory.js [waits=10000] [maxRequestsPerSecond=100] [seconds=5]
import { loadWaitModule } from "./wait-module.js";

if (typeof globalThis.gc !== "function") {
  console.error("run with: node --expose-gc scripts/watcher-memory.js");
  process.exit(2);
}
const [waits = 10_000, rate = 100, seconds = 5] = process.argv.slice(2).map(Number);
const { createJobWatcher } = await loadWaitModule();

const heap = () => {
  globalThis.gc();
  globalThis.gc();
  return process.memoryUsage().heapUsed;
};
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const mb = (bytes) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

// Jobs that keep running; each answer is a fresh object, like a parsed response body.
const begin = new Date().toISOString();
const sentAt = [];
const getJob = async (jobId) => {
  sentAt.push(performance.now());
  return { job_id: jobId, job_type: "createServer", status: "RUNNING", begin_time: begin, end_time: "", entities: { sub_jobs_total: 1 } };
};
const jobIds = Array.from({ length: waits }, (_, i) => `ff8080828b3e6a1f018b3f0c${i.toString(16).padStart(8, "0")}`);

const before = heap();
const watcher = createJobWatcher({ getJob, maxRequestsPerSecond: rate, timeoutMs: 3_600_000 });
const pending = jobIds.map((id) => watcher.wait(id).catch(() => {}));
const started = heap();
await sleep(seconds * 1000);
const running = heap();
const stats = watcher.stats();
watcher.close();
await Promise.all(pending);
const closed = heap();

let busiest = 0;
for (let i = 0, j = 0; i < sentAt.length; i++) {
  while (sentAt[i] - sentAt[j] >= 1000) j++;
  busiest = Math.max(busiest, i - j + 1);
}
console.log(`waits                        ${waits}`);
console.log(`heap after starting them     +${mb(started - before)}  (${Math.round((started - before) / waits)} B per wait)`);
console.log(`heap after ${seconds} s of polling   +${mb(running - before)}  (${Math.round((running - before) / waits)} B per wait, last job body of each kept)`);
console.log(`heap after close()           +${mb(closed - before)}`);
console.log(`requests sent                ${stats.requests} in ${seconds} s; busiest 1-s window ${busiest} (cap ${rate})`);
console.log(`node ${process.version}, rss ${mb(process.memoryUsage().rss)}`);
if (busiest > Math.floor(rate)) process.exitCode = 1;
