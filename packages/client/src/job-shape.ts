/** The minimum every job body has: the three required fields of every job schema. */
export interface JobShape {
  readonly job_id: string;
  readonly job_type: string;
  readonly status: string;
}

/**
 * True for an object with string `job_id`, `job_type` and `status`: what the
 * client requires of a 200 body before handing it out as a job. Deeper
 * checks are left to the types (and to the fixtures' validators): the cloud
 * adds fields and job types without notice, and they must still reach the user.
 */
export function isJobShaped(value: unknown): value is JobShape {
  if (value === null || typeof value !== "object" || Array.isArray(value)) return false;
  const record = value as Record<string, unknown>;
  return typeof record["job_id"] === "string" && typeof record["job_type"] === "string" && typeof record["status"] === "string";
}
