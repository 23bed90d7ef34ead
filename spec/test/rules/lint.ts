import * as fs from "node:fs";
import { fileURLToPath } from "node:url";
import { Document, Spectral, type Ruleset } from "@stoplight/spectral-core";
import { Yaml } from "@stoplight/spectral-parsers";
import { bundleAndLoadRuleset } from "@stoplight/spectral-ruleset-bundler/with-loader";
import { builtins } from "@stoplight/spectral-ruleset-bundler/plugins/builtins";
import { commonjs } from "@stoplight/spectral-ruleset-bundler/plugins/commonjs";

/** Absolute path of the house ruleset, the file other teams pass to `--ruleset`. */
export const RULESET_PATH = fileURLToPath(new URL("../../rules/ruleset.yaml", import.meta.url));

/** One lint result, reduced to what a rule test asserts on. */
export interface Finding {
  code: string;
  path: Array<string | number>;
  message: string;
  severity: number;
}

let ruleset: Promise<Ruleset> | undefined;

/**
 * Loads the real ruleset the way the Spectral CLI does (rollup bundle with the
 * builtins and commonjs plugins), once per test file.
 */
export function loadRuleset(path: string = RULESET_PATH): Promise<Ruleset> {
  if (path !== RULESET_PATH) return bundleAndLoadRuleset(path, { fs, fetch }, [builtins(), commonjs()]);
  ruleset ??= bundleAndLoadRuleset(path, { fs, fetch }, [builtins(), commonjs()]);
  return ruleset;
}

/**
 * Lints an OpenAPI document given as YAML text (or as an object, serialised
 * to JSON, which is YAML too) with the real ruleset and returns every result.
 */
export async function lint(document: string | object, rulesetPath?: string): Promise<Finding[]> {
  const spectral = new Spectral();
  spectral.setRuleset(await loadRuleset(rulesetPath));
  const text = typeof document === "string" ? document : JSON.stringify(document, null, 2);
  const results = await spectral.run(new Document(text, Yaml, "/virtual/openapi.yaml"));
  return results.map(({ code, path, message, severity }) => ({ code: String(code), path: [...path], message, severity }));
}

/**
 * The results of one rule only, as `{ path, message }` in path order, so a
 * test asserts on the exact list a rule reports. Spectral reports array
 * indexes as strings, and so do these paths.
 */
export async function findings(rule: string, document: string | object): Promise<Array<Pick<Finding, "path" | "message">>> {
  const all = await lint(document);
  return all
    .filter(({ code }) => code === rule)
    .map(({ path, message }) => ({ path, message }))
    .sort((a, b) => a.path.join("\u0000").localeCompare(b.path.join("\u0000")) || a.message.localeCompare(b.message));
}
