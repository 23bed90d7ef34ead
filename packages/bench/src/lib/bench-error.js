/**
 * A benchmark that could not produce its figure: a contender threw, a size
 * could not be computed, a cap was exceeded. The run reports it and exits
 * non-zero, in `--quick` mode too, so the test line catches a broken bench.
 */
export class BenchError extends Error {
  /**
   * @param {string} code short machine-readable reason, e.g. "CONTENDER_FAILED"
   * @param {string} message what went wrong, in words
   * @param {Record<string, unknown>} [context] what is needed to act on it (never secrets)
   * @param {unknown} [cause]
   */
  constructor(code, message, context = {}, cause = undefined) {
    super(message, cause === undefined ? undefined : { cause });
    this.name = "BenchError";
    this.code = code;
    this.context = context;
  }
}
