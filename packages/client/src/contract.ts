// The one validator of bodies against the contract: Ajv standalone code generated from the spec (./generated/validators.js),
// with readable violations. Loaded only by the `validate` option (a dynamic import), `@cloud-jobs/client/contract`, the
// CLI's `check` and @cloud-jobs/fixtures: a token-only bundle carries no byte of it.
import { InvalidArgumentError } from "./errors.js";
import * as generated from "./generated/validators.js";
import type { ServiceName } from "./jobs.js";

/** One way a body breaks the contract: where, what the contract expects, what came, and what the contract cites there. */
export interface ContractViolation {
  /** JSON path, e.g. `$.entities.sub_jobs[0].status`. */ readonly path: string;
  /** The same place as a JSON pointer, e.g. `/entities/sub_jobs/0/status`. */ readonly pointer: string;
  /** `expected (got found)`, or `is required`. */ readonly message: string;
  /** What the contract expects there, e.g. `must be one of INIT, RUNNING, SUCCESS, FAIL`. */ readonly expected: string;
  /** What came, as JSON cut to 60 characters (`nothing` for a missing key). */ readonly found: string;
  /** The sources and numbered disagreements the contract cites for that place. */ readonly cites: readonly string[];
}
/** The name @cloud-jobs/fixtures has always used. */ export type ValidationIssue = ContractViolation;

/** The outcome of `validateJob` / `validateError`; `schema` names the member the body was checked against. */
export type ValidationResult =
  | { readonly valid: true; readonly schema: string }
  | { readonly valid: false; readonly schema: string; readonly errors: readonly ContractViolation[] };

/** What the generated validators report (Ajv's `ErrorObject` with `verbose`). */
type SchemaError = { keyword: string; instancePath: string; params: Record<string, any>; message?: string; schema?: unknown; parentSchema?: { title?: unknown }; data?: unknown };
type Validator = ((data: unknown) => boolean) & { errors?: SchemaError[] | null };
type Schema = Readonly<Record<string, unknown>>;
const { CITES, CITED, SERVICES, ENVELOPES } = generated as unknown as {
  CITES: string[];
  CITED: Record<string, Record<string, number[]>>;
  SERVICES: Record<ServiceName, { label: string; union: string; unknown: string; types: Record<string, string> }>;
  ENVELOPES: string[];
};

/** Errors of one component schema (`EvsJob`, `ErrorResponse`, …) for a body, empty when valid. */
function errorsOf(name: string, data: unknown): SchemaError[] {
  const validate = (generated as unknown as Record<string, Validator | undefined>)[name];
  if (typeof validate !== "function") throw new RangeError(`the contract has no schema ${name}`);
  return validate(data) ? [] : [...(validate.errors ?? [])];
}

/** JSON Pointer (`/entities/sub_jobs/0`) to a JSON path (`$.entities.sub_jobs[0]`). */
export function jsonPath(pointer: string, base = "$"): string {
  const parts = pointer === "" ? [] : pointer.slice(1).split("/").map((part) => part.replace(/~1/g, "/").replace(/~0/g, "~"));
  return parts.reduce((path, p) => (/^\d+$/.test(p) ? `${path}[${p}]` : /^[A-Za-z_$][\w$]*$/.test(p) ? `${path}.${p}` : `${path}[${JSON.stringify(p)}]`), base);
}

/** A short rendering of a value for messages: JSON, cut to 60 characters. */
function shown(value: unknown): string {
  const text = value === undefined ? "nothing" : JSON.stringify(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

/** Violations as indented lines, for test failures and logs. */
export function formatIssues(issues: readonly ContractViolation[]): string {
  return issues.map((issue) => `  ${issue.path}: ${issue.message}`).join("\n");
}

/** A few words for one branch of a union: `a date-time string`, `""`, `null`, `EcsJob`. */
function describeBranch(branch: Schema): string {
  if (typeof branch.$ref === "string") return branch.$ref.slice(branch.$ref.lastIndexOf("/") + 1);
  if ("const" in branch) return JSON.stringify(branch.const);
  if (branch.maxLength === 0) return '""';
  const type = [branch.type ?? "any value"].flat().join(" or ");
  return typeof branch.format === "string" ? `a ${branch.format} ${type}` : String(type);
}
const branches = (e: SchemaError): string => `must be one of: ${((e.schema as Schema[] | undefined) ?? []).map(describeBranch).join(", ")}`;

const EXPECTED: Readonly<Record<string, (params: Record<string, any>, error: SchemaError) => string>> = {
  enum: (p) => `must be one of ${(p.allowedValues as unknown[]).map(String).join(", ")}`,
  const: (p) => `must be ${JSON.stringify(p.allowedValue)}`,
  type: (p) => `must be ${[p.type].flat().join(" or ")}`,
  format: (p) => `must be a ${String(p.format)} string`,
  pattern: (p) => `must match ${String(p.pattern)}`,
  anyOf: (_, e) => branches(e),
  oneOf: (_, e) => branches(e),
};

const within = (path: string, root: string): boolean => path === root || path.startsWith(`${root}/`);

/** What the contract cites for a place of a body checked against `schema`: its deepest cited place on the way. */
function citesAt(schema: string, pointer: string): string[] {
  const places = CITED[schema] ?? {};
  for (let at = pointer.replace(/\/\d+(?=\/|$)/g, "/-"); ; at = at.slice(0, at.lastIndexOf("/"))) {
    const cited = places[at];
    if (cited || at === "") return (cited ?? []).map((i) => CITES[i] ?? "");
  }
}

/** A union whose failures a recursive check explains better (a sub-job is a job). */
type Nested = { matches(error: SchemaError): boolean; explain(error: SchemaError, pointer: string): ContractViolation[] };

/**
 * The validators' raw errors as one violation per problem: a failed union (`anyOf`/`oneOf`) once for its place, not per
 * branch; one that `nested` matches (a sub-job's job union) is explained against the member its `job_type` selects.
 */
function explain(errors: readonly SchemaError[], schema: string, base: string, nested?: Nested): ContractViolation[] {
  const rank = (e: SchemaError): number => e.instancePath.length * 2 + (nested?.matches(e) ? 0 : 1);
  const unions = errors.filter((e) => e.keyword === "anyOf" || e.keyword === "oneOf").sort((a, b) => rank(a) - rank(b));
  const claimed: SchemaError[] = [];
  for (const union of unions) if (!claimed.some((outer) => within(union.instancePath, outer.instancePath))) claimed.push(union);
  const issues: ContractViolation[] = [];
  for (const error of errors) {
    const owner = claimed.find((union) => within(error.instancePath, union.instancePath));
    if (owner && owner !== error) continue;
    if (owner && nested?.matches(error)) {
      issues.push(...nested.explain(error, base + error.instancePath));
      continue;
    }
    const required = error.keyword === "required";
    const local = required ? `${error.instancePath}/${String(error.params.missingProperty)}` : error.instancePath;
    const expected = required ? "is required" : (EXPECTED[error.keyword]?.(error.params, error) ?? error.message ?? error.keyword);
    const found = required ? "nothing" : shown(error.data);
    const message = required ? expected : `${expected} (got ${found})`;
    issues.push({ path: jsonPath(base + local), pointer: base + local, message, expected, found, cites: citesAt(schema, local) });
  }
  const seen = new Set<string>();
  return issues.filter((issue) => !seen.has(`${issue.path}\n${issue.message}`) && (seen.add(`${issue.path}\n${issue.message}`), true));
}

/** A violation of the body as a whole. */
const whole = (pointer: string, expected: string, found: unknown, schema: string): ContractViolation => {
  const got = shown(found);
  return { path: jsonPath(pointer), pointer, message: `${expected}; got ${got}`, expected, found: got, cites: citesAt(schema, "") };
};

/** The member of the service's union a body is checked against: its job type's schema, else the unknown member. */
function explainJob(service: ServiceName, body: unknown, pointer: string): { schema: string; issues: ContractViolation[] } {
  const contract = SERVICES[service];
  const jobType = typeof body === "object" && body !== null ? (body as Record<string, unknown>).job_type : undefined;
  const schema = (typeof jobType === "string" && Object.hasOwn(contract.types, jobType) && contract.types[jobType]) || contract.unknown;
  if (typeof body !== "object" || body === null || Array.isArray(body)) {
    return { schema, issues: [whole(pointer, `must be an object (a ${contract.label} job)`, body, schema)] };
  }
  const nested: Nested = {
    matches: (error) => error.parentSchema?.title === contract.union,
    explain: (error, at) => explainJob(service, error.data, at).issues,
  };
  return { schema, issues: explain(errorsOf(schema, body), schema, pointer, nested) };
}

/**
 * Checks a job body against the contract of one service (`EcsJob`, …). A documented `job_type` is checked against
 * exactly its schema, any other against the unknown-job member, sub-jobs alike; one violation per problem.
 *
 * @example
 * const result = validateJob("evs", await response.json());
 * if (!result.valid) console.error(result.errors); // [{ path: "$.entities.sub_jobs[1].status", message: "must be one of INIT, RUNNING, …", … }]
 */
export function validateJob(service: ServiceName, body: unknown): ValidationResult {
  if (!Object.hasOwn(SERVICES, service)) throw new InvalidArgumentError("service", 'must be "ecs", "bms", "evs" or "vbs"');
  const union = errorsOf(SERVICES[service].union, body);
  const { schema, issues } = explainJob(service, body, "");
  if (union.length === 0) return { valid: true, schema };
  // Should the member check pass where the union failed, still say something useful.
  return { valid: false, schema, errors: issues.length > 0 ? issues : explain(union, schema, "") };
}

/**
 * Checks an error body against `ErrorResponse`: the nested `{"error":{code,message}}`, the flat `{code,message}` or the
 * gateway `{error_code,error_msg,request_id}` envelope. `schema` names the envelope.
 *
 * @example validateError({ error: { code: "Common.0011" } })
 * // { valid: false, schema: "NestedErrorBody", errors: [{ path: "$.error.message", message: "is required", … }] }
 */
export function validateError(body: unknown): ValidationResult {
  if (typeof body !== "object" || body === null || Array.isArray(body)) {
    return { valid: false, schema: "ErrorResponse", errors: [whole("", "must be a JSON object in one of the three error envelopes", body, "ErrorResponse")] };
  }
  // The envelope a body is trying to be, from its keys: nested `error`, gateway `error_code`/`error_msg`, else flat.
  const schema = "error" in body ? "NestedErrorBody" : "error_code" in body || "error_msg" in body ? "GatewayErrorBody" : "FlatErrorBody";
  if (errorsOf("ErrorResponse", body).length === 0) {
    return { valid: true, schema: [schema, ...ENVELOPES].find((name) => errorsOf(name, body).length === 0) ?? schema };
  }
  const errors = explain(errorsOf(schema, body), schema, "");
  return { valid: false, schema, errors: errors.length > 0 ? errors : [whole("", "matches none of the error envelopes", body, "ErrorResponse")] };
}
