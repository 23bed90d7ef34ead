/**
 * The command line or the environment cannot work: a missing `--service`, no
 * credentials, a `--timeout` without a unit. Exits with code 2; `hint` says
 * what to do instead.
 */
export class UsageError extends Error {
  override readonly name = "UsageError";
  readonly code = "USAGE";
  /** The option or variable at fault, e.g. `--timeout` or `OS_SECRET_KEY`. */
  readonly option: string;
  /** One line telling the user how to fix it. */
  readonly hint: string | undefined;

  constructor(option: string, message: string, hint?: string) {
    super(message);
    this.option = option;
    this.hint = hint;
  }
}
