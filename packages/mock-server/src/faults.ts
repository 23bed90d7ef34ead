import { STATUS_CODES } from "node:http";
import { isServiceName, type ServiceName } from "@cloud-jobs/fixtures";
import { fixtureAnswer, MockError, type Answer } from "./answer.js";
import { isHtml, isJson, pickError } from "./error-answers.js";

/** One injected fault. A request can carry several: delays add up, the first other fault decides the answer. */
export type Fault =
  | { readonly kind: "delay"; readonly ms: number }
  | { readonly kind: "status"; readonly status: 429 | 500 | 502 | 503 | 504; readonly retryAfter?: string; readonly format: "json" | "html" }
  | { readonly kind: "reset" }
  | { readonly kind: "truncate"; readonly bytes?: number }
  | { readonly kind: "drift"; readonly what: Drift };

/** How a drifting cloud breaks the contract (`drift=…`): see `driftAnswer`. */
export const DRIFTS = ["status", "rename", "string", "sub-jobs"] as const;
type Drift = (typeof DRIFTS)[number];

/** A fault description the mock cannot read: 400 `MOCK.0003`, with the syntax. */
export class FaultSyntaxError extends MockError {
  constructor(
    readonly input: string,
    reason: string,
  ) {
    super("MOCK.0003", `bad fault ${JSON.stringify(input)}: ${reason}. ${FAULT_SYNTAX}`);
  }
}

/** What `X-Mock-Fault` and `POST /mock/faults` accept. */
export const FAULT_SYNTAX =
  "Faults: 429[;retry-after=S], 500[;json], 502[;json], 503[;retry-after=S][;html], 504[;json], delay=MS, reset, truncate[;bytes=N], drift=status|rename|string|sub-jobs; several separated by commas";

const STATUS_DEFAULT_FORMAT = { "429": "json", "500": "html", "502": "html", "503": "json", "504": "html" } as const;
const MAX_DELAY_MS = 60_000;

function integer(input: string, name: string, value: string | undefined, max: number): number {
  const n = Number(value);
  if (value === undefined || !/^\d+$/.test(value) || n > max) throw new FaultSyntaxError(input, `${name} must be an integer 0–${max}`);
  return n;
}

function parseOne(input: string, text: string): Fault {
  const [head = "", ...rest] = text.split(";").map((part) => part.trim());
  const params = new Map(rest.map((p) => [p.split("=")[0]!.toLowerCase(), p.includes("=") ? p.slice(p.indexOf("=") + 1) : ""]));
  const [kind = "", value] = head.toLowerCase().split("=");
  const allow = (...names: string[]): void => {
    const extra = [...params.keys()].find((name) => !names.includes(name));
    if (extra !== undefined) throw new FaultSyntaxError(input, `${kind} takes no parameter ${extra}`);
  };
  if (kind === "delay") {
    allow("ms");
    return { kind: "delay", ms: integer(input, "delay", value ?? params.get("ms"), MAX_DELAY_MS) };
  }
  if (kind === "reset") {
    allow();
    return { kind: "reset" };
  }
  if (kind === "truncate") {
    allow("bytes");
    return params.has("bytes") ? { kind: "truncate", bytes: integer(input, "bytes", params.get("bytes"), 1_000_000) } : { kind: "truncate" };
  }
  if (kind === "drift" && DRIFTS.includes(value as Drift)) {
    allow();
    return { kind: "drift", what: value as Drift };
  }
  if (kind in STATUS_DEFAULT_FORMAT && value === undefined) {
    allow("retry-after", "json", "html");
    const retryAfter = params.get("retry-after");
    if (retryAfter !== undefined && !/^\S.{0,63}$/.test(retryAfter)) throw new FaultSyntaxError(input, "retry-after needs a value");
    const format = params.has("html") ? "html" : params.has("json") ? "json" : STATUS_DEFAULT_FORMAT[kind as keyof typeof STATUS_DEFAULT_FORMAT];
    const status = Number(kind) as 429 | 500 | 502 | 503 | 504;
    return retryAfter === undefined ? { kind: "status", status, format } : { kind: "status", status, retryAfter, format };
  }
  throw new FaultSyntaxError(input, `unknown fault ${JSON.stringify(head)}`);
}

/**
 * Parses a fault list such as `429;retry-after=2` or `delay=300, 503`.
 * Throws `FaultSyntaxError` (answered as 400 `MOCK.0003`) on anything else.
 */
export function parseFaults(input: string): Fault[] {
  // Split only before a fault name: a Retry-After HTTP date has commas of its own.
  const parts = input.split(/,(?=\s*(?:\d{3}|delay|reset|truncate|drift)\b)/i).map((p) => p.trim()).filter((p) => p.length > 0);
  if (parts.length === 0) throw new FaultSyntaxError(input, "empty");
  if (parts.length > 5) throw new FaultSyntaxError(input, "at most five faults at once");
  return parts.map((part) => parseOne(input, part));
}

/** A server-wide fault, as `POST /mock/faults` takes it. */
export interface FaultRuleInput {
  /** Same syntax as the `X-Mock-Fault` header, e.g. `503;retry-after=1`. */
  readonly fault: string;
  /** Apply to this many job requests, then expire; forever when absent. */
  readonly times?: number;
  /** Only requests for this service / this job id. */
  readonly service?: ServiceName;
  readonly job_id?: string;
}

/** A fault rule in force: its input, parsed, with an id and the requests it has left. */
export interface FaultRule extends FaultRuleInput {
  readonly id: number;
  readonly faults: readonly Fault[];
  remaining: number | undefined;
}

/** Checks a `POST /mock/faults` body; throws `FaultSyntaxError` with the reason. */
export function faultRuleInput(body: unknown): FaultRuleInput {
  const input = (typeof body === "object" && body !== null ? body : {}) as Record<string, unknown>;
  const text = JSON.stringify(body);
  const unknown = Object.keys(input).find((key) => !["fault", "times", "service", "job_id"].includes(key));
  if (unknown !== undefined) throw new FaultSyntaxError(text, `unknown field ${unknown} (fields: fault, times, service, job_id)`);
  if (typeof input.fault !== "string") throw new FaultSyntaxError(text, "fault must be a string such as \"503;retry-after=1\"");
  if (input.times !== undefined && !(Number.isInteger(input.times) && (input.times as number) >= 1)) throw new FaultSyntaxError(text, "times must be a positive integer");
  if (input.service !== undefined && !isServiceName(input.service)) throw new FaultSyntaxError(text, "service must be ecs, bms, evs or vbs");
  if (input.job_id !== undefined && typeof input.job_id !== "string") throw new FaultSyntaxError(text, "job_id must be a string");
  return input as unknown as FaultRuleInput;
}

/** More rules than anyone needs; the cap keeps a flood of `POST /mock/faults` from exhausting memory. */
const MAX_RULES = 1_000;

/** The server-wide faults: the first rule matching a job request applies, and counts down if limited. */
export class FaultRules {
  private rules: FaultRule[] = [];
  private nextId = 1;

  add(input: FaultRuleInput): FaultRule {
    if (this.rules.length >= MAX_RULES) throw new FaultSyntaxError(input.fault, `already ${MAX_RULES} rules in force; DELETE /mock/faults first`);
    const rule: FaultRule = { ...input, id: this.nextId++, faults: parseFaults(input.fault), remaining: input.times };
    this.rules.push(rule);
    return rule;
  }

  /** Takes the faults for one job request, if a rule matches. */
  take(service: ServiceName | undefined, jobId: string): readonly Fault[] | undefined {
    const rule = this.rules.find((r) => (r.service === undefined || r.service === service) && (r.job_id === undefined || r.job_id === jobId));
    if (!rule) return undefined;
    if (rule.remaining !== undefined && --rule.remaining <= 0) this.rules = this.rules.filter((r) => r !== rule);
    return rule.faults;
  }

  list(): readonly FaultRule[] {
    return [...this.rules];
  }

  clear(): void {
    this.rules = [];
  }
}


/**
 * The answer of a status fault: the service's documented body for that
 * status in the requested format (the gateways' HTML pages, or JSON), with
 * `Retry-After` when asked; a plain HTML page where no document has one (500).
 */
export function statusFaultAnswer(service: ServiceName, fault: Extract<Fault, { kind: "status" }>): Answer {
  const retry: Record<string, string> = fault.retryAfter === undefined ? {} : { "Retry-After": fault.retryAfter };
  const fixture = pickError(service, fault.status, fault.format === "html" ? isHtml : isJson);
  if (fixture) {
    const { "Retry-After": _documented, ...headers } = fixtureAnswer(fixture).headers;
    return { ...fixtureAnswer(fixture), headers: { ...headers, ...retry } };
  }
  const title = STATUS_CODES[fault.status] ?? "Error";
  const html = `<html><head><title>${fault.status} ${title}</title></head><body><h1>${fault.status}</h1><p>${title}</p></body></html>`;
  const body = fault.format === "html" ? html : JSON.stringify({ error: { code: `HTTP.${fault.status}`, message: title } });
  return { status: fault.status, headers: { "Content-Type": fault.format === "html" ? "text/html" : "application/json", ...retry }, body };
}

/** The answer cut short: valid HTTP, but the JSON stops after `bytes` (half the body by default). */
export function truncateAnswer(answer: Answer, bytes?: number): Answer {
  const full = Buffer.from(answer.body);
  const keep = Math.min(bytes ?? Math.floor(full.length / 2), Math.max(full.length - 1, 0));
  return { ...answer, body: full.subarray(0, keep).toString("utf8") };
}

/**
 * A job body as a drifting cloud sends it, breaking the contract in one realistic way: `status` an unknown status
 * (`PAUSED`), `rename` a camelCase `jobType` for `job_type`, `string` a number sent as a string (the first numeric
 * entity, else `sub_jobs_total`), `sub-jobs` the sub-jobs moved (into `entities` on VBS, beside them elsewhere).
 * Answers that are not a 200 job pass unchanged.
 */
export function driftAnswer(answer: Answer, what: Drift): Answer {
  if (answer.status !== 200) return answer;
  const job = JSON.parse(answer.body) as Record<string, any>;
  const entities = (job.entities ??= {}) as Record<string, unknown>;
  if (what === "status") job.status = "PAUSED";
  if (what === "rename") [job.jobType, job.job_type] = [job.job_type, undefined];
  if (what === "string") {
    const key = Object.keys(entities).find((k) => typeof entities[k] === "number") ?? "sub_jobs_total";
    entities[key] = String(entities[key] ?? 1);
  }
  if (what === "sub-jobs" && "sub_jobs" in job) [entities.sub_jobs, job.sub_jobs] = [job.sub_jobs ?? [], undefined];
  else if (what === "sub-jobs") [job.sub_jobs, entities.sub_jobs] = [entities.sub_jobs ?? [], undefined];
  return { ...answer, body: JSON.stringify(job) };
}
