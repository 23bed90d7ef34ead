/**
 * Exit codes of `cloud-jobs`. Scripts branch on them, so they never change
 * meaning: 0 success, 1 the job failed, 2 the command line or environment is
 * wrong, 3 the wait timed out, 4 the API or the network failed, 130 Ctrl-C
 * (143 SIGTERM) during a wait.
 *
 * @example
 * cloud-jobs wait "$JOB" --service ecs; case $? in 1) echo "job failed";; 3) echo "still running";; esac
 */
export const ExitCode = {
  Success: 0,
  JobFailed: 1,
  Usage: 2,
  Timeout: 3,
  ApiError: 4,
  // 128 + the signal number, what shells report for a process stopped by it: SIGINT (Ctrl-C) 2, SIGTERM 15.
  Interrupted: 130,
  Terminated: 143,
} as const;

/** One of the values of `ExitCode`. */
export type ExitCodeValue = (typeof ExitCode)[keyof typeof ExitCode];
