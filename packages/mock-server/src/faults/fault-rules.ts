import { isServiceName, type ServiceName } from "@cloud-jobs/fixtures";
import { FaultSyntaxError, parseFaults, type Fault } from "./parse-faults.js";

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

/** A fault rule in force. */
export interface FaultRule {
  readonly id: number;
  readonly fault: string;
  readonly faults: readonly Fault[];
  remaining: number | undefined;
  readonly service: ServiceName | undefined;
  readonly job_id: string | undefined;
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
    const rule: FaultRule = {
      id: this.nextId++,
      fault: input.fault,
      faults: parseFaults(input.fault),
      remaining: input.times,
      service: input.service,
      job_id: input.job_id,
    };
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
