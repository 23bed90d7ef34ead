import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

/** Package root (src/ and lib/ are both one level below it). */
export const PACKAGE_ROOT = fileURLToPath(new URL("..", import.meta.url));

/** One `x-codeSamples` entry of `showJob`, read from a file under samples/. */
export interface CodeSampleEntry {
  /** File under samples/. TypeScript files are type-checked by the package's `typecheck` script. */
  readonly file: string;
  /** Tab label in the reference; must match a `codeSamples.languages` label in redocly.yaml. */
  readonly label: string;
  /** Language for highlighting. */
  readonly lang: string;
}

/** The samples shown on the `showJob` operation, in tab order. */
export const OPERATION_SAMPLES: readonly CodeSampleEntry[] = [
  { file: "get-job.ts", label: "TypeScript", lang: "typescript" },
  { file: "wait-aksk.ts", label: "TypeScript (AK/SK)", lang: "typescript" },
  { file: "cli.sh", label: "CLI", lang: "bash" },
  { file: "curl.sh", label: "curl", lang: "curl" },
];

/** Thrown when a sample file is missing or empty: the reference would show a blank tab. */
export class SampleFileError extends Error {
  override readonly name = "SampleFileError";
  readonly code = "SAMPLE_FILE";
  constructor(readonly file: string, reason: string) {
    super(`samples/${file}: ${reason}`);
  }
}

/** Reads samples/<file>, trimmed, without the shebang and the leading licence-style comment block if any. */
export function readSample(file: string): string {
  let source: string;
  try {
    source = readFileSync(new URL(`../samples/${file}`, import.meta.url), "utf8");
  } catch (error) {
    throw new SampleFileError(file, (error as Error).message);
  }
  const body = source.replace(/^#!.*\n/, "").trim();
  if (body === "") throw new SampleFileError(file, "is empty");
  return body;
}

/** `x-codeSamples` for the operation, sources read from samples/. */
export function operationCodeSamples(): { lang: string; label: string; source: string }[] {
  return OPERATION_SAMPLES.map((s) => ({ lang: s.lang, label: s.label, source: readSample(s.file) }));
}
