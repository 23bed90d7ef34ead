import type { JobCatalogue } from "@cloud-jobs/fixtures";
import type { ErrorAnswers } from "./error-answers.js";
import type { FaultRules } from "./faults/fault-rules.js";
import type { JobLookup } from "./jobs/job-lookup.js";
import type { Simulations } from "./jobs/simulations.js";
import type { ResolvedOptions } from "./options.js";

/** Everything a request handler needs, built once per server. */
export interface MockState {
  readonly options: ResolvedOptions;
  readonly catalogue: JobCatalogue;
  readonly lookup: JobLookup;
  readonly simulations: Simulations;
  readonly faults: FaultRules;
  readonly errors: ErrorAnswers;
  /** Aborts when the server closes, so pending delays end at once. */
  readonly closing: AbortSignal;
}
