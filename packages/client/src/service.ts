/** The four services that share `GET /v1/{project_id}/jobs/{job_id}`. */
export type ServiceName = "ecs" | "bms" | "evs" | "vbs";

/** Every service name, in a fixed order. */
export const SERVICE_NAMES: readonly ServiceName[] = ["ecs", "bms", "evs", "vbs"];

/** Type guard for a service name given at run time (e.g. from a CLI flag). */
export function isServiceName(value: unknown): value is ServiceName {
  return typeof value === "string" && (SERVICE_NAMES as readonly string[]).includes(value);
}
