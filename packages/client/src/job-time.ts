/**
 * Reads a job time (`begin_time`, `end_time`): an ISO 8601 string becomes a
 * `Date`; `""` (sent while a job runs), `null`, absent, or an unreadable
 * value become `undefined` rather than an Invalid Date.
 */
export function parseJobTime(value: unknown): Date | undefined {
  if (typeof value !== "string" || value.trim() === "") return undefined;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

/** A job's times as `Date | undefined`. */
export interface JobTimes {
  readonly beginTime: Date | undefined;
  readonly endTime: Date | undefined;
}

/**
 * `begin_time` and `end_time` of a job or sub-job as dates.
 *
 * @example
 * const { beginTime, endTime } = jobTimes(job);
 * if (beginTime && endTime) console.log(`took ${endTime.getTime() - beginTime.getTime()} ms`);
 */
export function jobTimes(job: { readonly begin_time?: unknown; readonly end_time?: unknown }): JobTimes {
  return { beginTime: parseJobTime(job.begin_time), endTime: parseJobTime(job.end_time) };
}
