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

/**
 * An inline OpenAPI 3.1 test document: `paths` (YAML, indented as under
 * `paths:`, or ` {}`), any `components` sections before `schemas` (indented
 * by 2), then `schemas` (indented by 4). The preamble every rule test shares.
 */
export function openapi(schemas: string, { paths = " {}", components = "", version = "3.1.0" } = {}): string {
  return `\nopenapi: ${version}\ninfo: {title: Jobs, version: "1"}\npaths:${paths}\ncomponents:\n${components}  schemas:\n${schemas}\n`;
}

const schemaOf = (jobType: string) => `Acme${jobType[0]!.toUpperCase()}${jobType.slice(1)}Job`;

/**
 * `AcmeKnownJob`: a union discriminated on `job_type` over `Acme<JobType>Job`
 * schemas, with its full mapping; with `members`, also each member schema,
 * which pins `job_type` and declares nothing else.
 */
export function knownUnion(jobTypes: string[], { members = false } = {}): string {
  return [
    "    AcmeKnownJob:",
    "      oneOf:",
    ...jobTypes.map((type) => `        - $ref: '#/components/schemas/${schemaOf(type)}'`),
    "      discriminator:",
    "        propertyName: job_type",
    "        mapping:",
    ...jobTypes.map((type) => `          ${type}: '#/components/schemas/${schemaOf(type)}'`),
    ...(members ? jobTypes.map((type) => `    ${schemaOf(type)}:\n      properties: {job_type: {const: ${type}}}`) : []),
  ].join("\n");
}

/**
 * `paths` (for {@link openapi}) with one job operation, `GET /jobs/{job_id}`,
 * whose 200 JSON body is the component `schema`; `examples` (indented by 16)
 * are that body's examples, `responses` (indented by 8) follow the 200.
 */
export function jobPath(schema: string, { operationId = "", examples = "", responses = "" } = {}): string {
  return [
    "",
    "  /jobs/{job_id}:",
    "    get:",
    ...(operationId ? [`      operationId: ${operationId}`] : []),
    "      responses:",
    '        "200":',
    "          description: A job.",
    "          content:",
    "            application/json:",
    `              schema: {$ref: '#/components/schemas/${schema}'}`,
    ...(examples ? ["              examples:", examples] : []),
    ...(responses ? [responses] : []),
  ].join("\n");
}
