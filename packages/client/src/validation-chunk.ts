// What the client loads on the first body it checks against the contract (`validate: "warn"` or `"error"`): with
// `validate: "off"` (the default), no byte of the validators or of this reporting is loaded or bundled.
import { ContractViolationError, type ContractViolationInit } from "./errors.js";
import { validateJob } from "./contract.js";
import type { JobShape, ServiceName } from "./jobs.js";

/** How the client reports a violation: `validate` and `onContractViolation` of its options. */
export type ValidationOptions = {
  readonly validate?: "off" | "warn" | "error" | undefined;
  readonly onContractViolation?: ((report: ContractViolationInit) => void) | undefined;
};

/** Checks a job against its service's schema: returns it when it matches or `validate` is `"warn"` (after reporting), throws `ContractViolationError` with `"error"`. */
export function checkedJob<J extends JobShape>(options: ValidationOptions, service: ServiceName, job: J, jobId: string): J {
  const result = validateJob(service, job);
  if (result.valid) return job;
  const report = { service, jobId, job, violations: result.errors };
  if (options.validate === "error") throw new ContractViolationError(report);
  try {
    (options.onContractViolation ?? ((r) => console.warn(new ContractViolationError(r).message)))(report);
  } catch {
    // An observer must not change the outcome of the call.
  }
  return job;
}
