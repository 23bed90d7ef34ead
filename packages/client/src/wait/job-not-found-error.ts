import { errorJson } from "../errors.js";
/** What `JobNotFoundError` is built from: the API error that said so. */
export interface JobNotFoundInit {
  readonly jobId: string;
  readonly service: string | undefined;
  readonly apiCode: string;
  readonly requestId: string | undefined;
  readonly cause: unknown;
}

/**
 * The service answered 400 `Common.0011` (`common.0011` on VBS): it does not
 * know the job. Either the id is wrong or the job expired — finished jobs are
 * deleted about a day after they end, unpaid ones after 14 days. Not retried.
 */
export class JobNotFoundError extends Error {
  override readonly name = "JobNotFoundError";
  readonly code = "JOB_NOT_FOUND";
  declare readonly jobId: string;
  declare readonly service: string | undefined;
  /** The API's code, `Common.0011` or `common.0011`. */
  declare readonly apiCode: string;
  declare readonly requestId: string | undefined;

  constructor(init: JobNotFoundInit) {
    const where = [init.service, init.requestId === undefined ? undefined : `request ${init.requestId}`].filter(Boolean).join(", ");
    super(
      `Job ${init.jobId} is unknown or has expired (${init.apiCode}${where === "" ? "" : `, ${where}`}); ` +
        "finished jobs are deleted about a day after they end",
      { cause: init.cause },
    );
    Object.assign(this, init);
  }

  /** Plain-data view for logs. */
  toJSON(): Record<string, unknown> {
    return errorJson(this, ["name", "code", "message", "jobId", "service", "apiCode", "requestId"]);
  }
}
