// The one file of the docs that reads client internals: its defaults, its policy simulation and its error classification.
import {
  DEFAULT_MAX_REQUESTS_PER_SECOND, DEFAULT_POLLING_POLICY_OPTIONS, DEFAULT_RETRY, DEFAULT_WAIT_TIMEOUT_MS, RETRYABLE_STATUSES, THROTTLING_CODES,
  adaptivePollingPolicy, classifyPollError, fixedIntervalPolicy, simulatePolicy, type PollingPolicy,
} from "@cloud-jobs/client/internal";
import type { ErrorStatus } from "@cloud-jobs/spec/catalogue";
import { badge, code, table } from "../md.js";
import { retryableBadge } from "./errors.js";

/** Durations people wait for: a quick disk, a server, a batch, a big backup. */
const DURATIONS_MS = [30_000, 120_000, 600_000, 3_600_000, 3 * 3_600_000];

/** Human duration: 90 000 → "1.5 min". */
export function duration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${+(ms / 1000).toFixed(1)} s`;
  if (ms < 3_600_000) return `${+(ms / 60_000).toFixed(1)} min`;
  return `${+(ms / 3_600_000).toFixed(1)} h`;
}

/** The waiter's defaults, read from the client's exported constants. */
export function waiterDefaultsTable(): string {
  const p = DEFAULT_POLLING_POLICY_OPTIONS;
  return table(
    ["Option", "Default", "What it does"],
    [
      [code("timeoutMs"), duration(DEFAULT_WAIT_TIMEOUT_MS), "The wait gives up (rejects with `WaitTimeoutError`, carrying the last job seen)."],
      [code("elapsedFraction"), String(p.elapsedFraction), "Next poll after this fraction of the time the job has been running."],
      [code("minDelayMs"), duration(p.minDelayMs), "Never sooner than this after the previous poll."],
      [code("maxDelayMs"), duration(p.maxDelayMs), "Never later than this, unless `Retry-After` asks for more."],
      [code("maxRequestsPerSecond"), String(DEFAULT_MAX_REQUESTS_PER_SECOND), "Cap shared by every wait of one `createJobWatcher`."],
      [code("retry.maxAttempts"), String(DEFAULT_RETRY.maxAttempts), "Attempts of one `getJob` call (the waiter retries across polls instead)."],
      [code("retry.baseDelayMs"), duration(DEFAULT_RETRY.baseDelayMs), "Backoff before the first retry, doubled each time, full jitter."],
      [code("retry.maxRetryAfterMs"), duration(DEFAULT_RETRY.maxRetryAfterMs), "A longer `Retry-After` is not waited for: the error is thrown."],
    ],
  );
}

/** Jobs simulated per row: lengths spread over [D, 1.1·D), so fixed intervals do not land exactly on the end. */
const JOBS_PER_ROW = 10;

/**
 * Requests and detection delay of the adaptive policy against fixed
 * intervals, for jobs of several lengths — computed with the client's own
 * `simulatePolicy`, so the numbers are those of the shipped code. Each cell
 * is the mean over `JOBS_PER_ROW` jobs of slightly different lengths.
 */
export function pollingCostTable(): string {
  const policies: [string, PollingPolicy][] = [
    ["adaptive (default)", adaptivePollingPolicy()],
    ["every 1 s", fixedIntervalPolicy(1000)],
    ["every 10 s", fixedIntervalPolicy(10_000)],
  ];
  const rows = DURATIONS_MS.map((d) => [
    duration(d),
    ...policies.map(([, policy]) => {
      // Golden-ratio spacing: lengths that are not round seconds, spread evenly over [D, 1.1·D).
      const lengths = Array.from({ length: JOBS_PER_ROW }, (_, i) => Math.round(d * (1 + 0.1 * (((i + 1) * 0.6180339887) % 1))));
      const runs = lengths.map((length) => simulatePolicy(policy, length));
      const requests = Math.round(runs.reduce((n, r) => n + r.requests, 0) / runs.length);
      const late = runs.reduce((n, r) => n + (r.detectionDelayMs ?? 0), 0) / runs.length;
      return `${requests} requests<br>noticed ${duration(late)} late`;
    }),
  ]);
  return table(["Job takes", ...policies.map(([name]) => name)], rows);
}

/** What the contract calls retryable next to what the client retries; any difference shows as a warning badge. */
export function retryComparisonTable(statuses: readonly ErrorStatus<string>[]): string {
  const rows = statuses.map((s) => {
    const client = RETRYABLE_STATUSES.has(s.status);
    return [code(s.status), retryableBadge(s.retryable), client ? "retries" : "does not retry", waitOutcome(s), client === s.retryable ? "" : badge("differs", "warning")];
  });
  return `${table(["HTTP", `Contract (${code("x-cloud-jobs-retryable")})`, code("getJob"), code("waitForJob"), ""], rows)}

Whatever the status, the client also retries the throttling codes ${[...THROTTLING_CODES].map(code).join(", ")} (compared case-insensitively).
A wait is more patient than one call: every 5xx, 408 and network error only delays its next poll, while ${code("Common.0011")} and the other 4xx end it.`;
}

/** What a wait does when a poll gets this status, per documented code where the code decides (400 Common.0011). */
function waitOutcome(s: ErrorStatus<string>): string {
  const { status } = s;
  const retryable = RETRYABLE_STATUSES.has(status);
  const label = { "not-found": "ends: job not found", fatal: "ends the wait", throttled: "slows down, keeps waiting", transient: "keeps waiting" } as const;
  const byKind = new Map<string, string[]>();
  for (const c of s.examples.length > 0 ? s.examples.map((e) => e.code) : [undefined]) {
    const kind = label[classifyPollError({ status, code: c, retryable }).kind];
    const codes = byKind.get(kind) ?? [];
    if (c !== undefined && c !== "" && !codes.includes(c)) codes.push(c);
    byKind.set(kind, codes);
  }
  if (byKind.size === 1) return [...byKind.keys()][0] ?? "";
  return [...byKind].map(([kind, codes]) => `${codes.map(code).join(", ")}: ${kind}`).join("<br>");
}
