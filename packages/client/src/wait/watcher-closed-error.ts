/** The watcher was closed while this wait was still running, or before it started. */
export class WatcherClosedError extends Error {
  override readonly name = "WatcherClosedError";
  readonly code = "WATCHER_CLOSED";
  readonly jobId: string;

  constructor(jobId: string) {
    super(`The job watcher was closed before job ${jobId} ended`);
    this.jobId = jobId;
  }
}
