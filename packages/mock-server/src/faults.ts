import { STATUS_CODES } from "node:http";
import { isServiceName, type ServiceName } from "@cloud-jobs/fixtures";
import { fixtureAnswer, MockError, pickError, type Answer } from "./answer.js";

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

/** What `X-Mock-Fault` and `POST /mock/faults` accept. */
export const FAULT_SYNTAX =
  "Faults: 429[;retry-after=S], 500[;json], 502[;json], 503[;retry-after=S][;html], 504[;json], delay=MS, reset, truncate[;bytes=N], drift=status|rename|string|sub-jobs; several separated by commas";

/** A fault description the mock cannot read: 400 `MOCK.0003`, with the syntax. */
export class FaultSyntaxError extends MockError {
  constructor(readonly input: string, reason: string) {
    super("MOCK.0003", `bad fault ${JSON.stringify(input)}: ${reason}. ${FAULT_SYNTAX}`);
  }
}

const STATUS_DEFAULT_FORMAT = { "429": "json", "500": "html", "502": "html", "503": "json", "504": "html" } as const;

function parseOne(input: string, text: string): Fault {
  const [head = "", ...rest] = text.split(";").map((part) => part.trim());
  const params = new Map(rest.map((p) => [p.split("=")[0]!.toLowerCase(), p.includes("=") ? p.slice(p.indexOf("=") + 1) : ""]));
  const [kind = "", value] = head.toLowerCase().split("=");
  const integer = (name: string, text: string | undefined, max: number): number => {
    if (text === undefined || !/^\d+$/.test(text) || Number(text) > max) throw new FaultSyntaxError(input, `${name} must be an integer 0–${max}`);
    return Number(text);
  };
  const allow = (...names: string[]): void => {
    const extra = [...params.keys()].find((name) => !names.includes(name));
    if (extra !== undefined) throw new FaultSyntaxError(input, `${kind} takes no parameter ${extra}`);
  };
  if (kind === "delay") return allow("ms"), { kind, ms: integer("delay", value ?? params.get("ms"), 60_000) };
  if (kind === "reset") return allow(), { kind };
  if (kind === "truncate") return allow("bytes"), params.has("bytes") ? { kind, bytes: integer("bytes", params.get("bytes"), 1_000_000) } : { kind };
  if (kind === "drift" && DRIFTS.includes(value as Drift)) return allow(), { kind, what: value as Drift };
  if (!(kind in STATUS_DEFAULT_FORMAT) || value !== undefined) throw new FaultSyntaxError(input, `unknown fault ${JSON.stringify(head)}`);
  allow("retry-after", "json", "html");
  const retryAfter = params.get("retry-after");
  if (retryAfter !== undefined && !/^\S.{0,63}$/.test(retryAfter)) throw new FaultSyntaxError(input, "retry-after needs a value");
  const format = params.has("html") ? "html" : params.has("json") ? "json" : STATUS_DEFAULT_FORMAT[kind as keyof typeof STATUS_DEFAULT_FORMAT];
  return { kind: "status", status: Number(kind) as 429 | 500 | 502 | 503 | 504, format, ...(retryAfter === undefined ? {} : { retryAfter }) };
}

/** Parses a fault list such as `429;retry-after=2` or `delay=300, 503`; throws `FaultSyntaxError` on anything else. */
export function parseFaults(input: string): Fault[] {
  // Split only before a fault name: a Retry-After HTTP date has commas of its own.
  const parts = input.split(/,(?=\s*(?:\d{3}|delay|reset|truncate|drift)\b)/i).map((p) => p.trim()).filter((p) => p.length > 0);
  if (parts.length === 0) throw new FaultSyntaxError(input, "empty");
  if (parts.length > 5) throw new FaultSyntaxError(input, "at most five faults at once");
  return parts.map((part) => parseOne(input, part));
}

/** A server-wide fault, as `POST /mock/faults` takes it: `fault` in the `X-Mock-Fault` syntax, for `times` job requests (forever when absent), only for this `service` / `job_id` when given. */
export interface FaultRuleInput {
  readonly fault: string;
  readonly times?: number;
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
  const refuse = (reason: string): never => {
    throw new FaultSyntaxError(JSON.stringify(body), reason);
  };
  const unknown = Object.keys(input).find((key) => !["fault", "times", "service", "job_id"].includes(key));
  if (unknown !== undefined) refuse(`unknown field ${unknown} (fields: fault, times, service, job_id)`);
  if (typeof input.fault !== "string") refuse('fault must be a string such as "503;retry-after=1"');
  if (input.times !== undefined && !(Number.isInteger(input.times) && (input.times as number) >= 1)) refuse("times must be a positive integer");
  if (input.service !== undefined && !isServiceName(input.service)) refuse("service must be ecs, bms, evs or vbs");
  if (input.job_id !== undefined && typeof input.job_id !== "string") refuse("job_id must be a string");
  return input as unknown as FaultRuleInput;
}

/** The server-wide faults: the first rule matching a job request applies, and counts down if limited. */
export class FaultRules {
  rules: FaultRule[] = [];
  private nextId = 1;

  add(input: FaultRuleInput): FaultRule {
    // More rules than anyone needs: the cap keeps a flood of `POST /mock/faults` from exhausting memory.
    if (this.rules.length >= 1_000) throw new FaultSyntaxError(input.fault, "already 1000 rules in force; DELETE /mock/faults first");
    const rule: FaultRule = { ...input, id: this.nextId++, faults: parseFaults(input.fault), remaining: input.times };
    this.rules.push(rule);
    return rule;
  }

  /** Takes the faults for one job request, if a rule matches. */
  take(service: ServiceName, jobId: string): readonly Fault[] | undefined {
    const rule = this.rules.find((r) => (r.service ?? service) === service && (r.job_id ?? jobId) === jobId);
    if (rule?.remaining !== undefined && --rule.remaining <= 0) this.rules = this.rules.filter((r) => r !== rule);
    return rule?.faults;
  }
}

/**
 * The answer of a status fault: the service's documented body for that status in the requested format (the
 * gateways' HTML pages, or JSON), with `Retry-After` when asked; a plain page where no document has one (500).
 */
export function statusFaultAnswer(service: ServiceName, { status, format, retryAfter }: Extract<Fault, { kind: "status" }>): Answer {
  const type = format === "html" ? "text/html" : "application/json";
  const retry: Record<string, string> = retryAfter === undefined ? {} : { "Retry-After": retryAfter };
  const fixture = pickError(service, { status, accept: (f) => f.headers["Content-Type"] === type });
  if (fixture) {
    const { "Retry-After": _documented, ...headers } = fixture.headers;
    return { ...fixtureAnswer(fixture), headers: { ...headers, ...retry } };
  }
  const title = STATUS_CODES[status] ?? "Error";
  const html = `<html><head><title>${status} ${title}</title></head><body><h1>${status}</h1><p>${title}</p></body></html>`;
  return { status, headers: { "Content-Type": type, ...retry }, body: format === "html" ? html : JSON.stringify({ error: { code: `HTTP.${status}`, message: title } }) };
}

/** The answer cut short: valid HTTP, but the JSON stops after `bytes` (half the body by default). */
export function truncateAnswer(answer: Answer, bytes?: number): Answer {
  const full = Buffer.from(answer.body);
  return { ...answer, body: full.subarray(0, Math.min(bytes ?? Math.floor(full.length / 2), Math.max(full.length - 1, 0))).toString("utf8") };
}

/**
 * A job body as a drifting cloud sends it, breaking the contract in one realistic way: `status` a numeric status code
 * (`2`; an unknown status string is no drift: the contract reads it as "not finished"), `rename` a camelCase `jobType` for `job_type`, `string` a number sent as a string (the first numeric
 * entity, else `sub_jobs_total`), `sub-jobs` the sub-jobs moved (into `entities` on VBS, beside them elsewhere).
 * Answers that are not a 200 job pass unchanged.
 */
export function driftAnswer(answer: Answer, what: Drift): Answer {
  if (answer.status !== 200) return answer;
  const job = JSON.parse(answer.body) as Record<string, any>;
  const entities = (job.entities ??= {}) as Record<string, unknown>;
  if (what === "status") job.status = 2;
  if (what === "rename") [job.jobType, job.job_type] = [job.job_type, undefined];
  if (what === "string") {
    const key = Object.keys(entities).find((k) => typeof entities[k] === "number") ?? "sub_jobs_total";
    entities[key] = String(entities[key] ?? 1);
  }
  if (what === "sub-jobs" && "sub_jobs" in job) [entities.sub_jobs, job.sub_jobs] = [job.sub_jobs ?? [], undefined];
  else if (what === "sub-jobs") [job.sub_jobs, entities.sub_jobs] = [entities.sub_jobs ?? [], undefined];
  return { ...answer, body: JSON.stringify(job) };
}
