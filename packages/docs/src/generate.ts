import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { catalogue as contractCatalogue, type Catalogue } from "@cloud-jobs/spec/catalogue";
import { table } from "./md.js";
import { envelopesSection, errorStatusDetails, errorStatusTable } from "./sections/errors.js";
import { documentedJobTypes, jobTypesSection } from "./sections/job-types.js";
import { pollingCostTable, retryComparisonTable, waiterDefaultsTable } from "./sections/polling.js";
import { disagreementTable, serviceMatrix, statusMatrix } from "./sections/reconciliation.js";
import { signingDescription, workedExample } from "./sections/signing.js";

/** The bundled contract as parsed JSON, read loosely: the docs copy parts of it (descriptions, the reference). */
export type OpenApiDocument = Record<string, any>;

/** `@cloud-jobs/spec`'s bundled openapi.json (openapi.yaml is beside it). */
export const contractPath = createRequire(import.meta.url).resolve("@cloud-jobs/spec/openapi.json");
export function loadContract(): OpenApiDocument {
  return JSON.parse(readFileSync(contractPath, "utf8")) as OpenApiDocument;
}

/**
 * Every section made from the contract (and, for polling and signing, from the
 * client's own waiter and signer), as markdown by name. Guide pages pull them
 * in with VitePress's `<!--@include: ./generated/<name>.md-->`.
 */
export async function generatedSections(doc = loadContract(), catalogue: Catalogue<string> = contractCatalogue): Promise<Map<string, string>> {
  const services = Object.values(catalogue.services);
  const jobTypes = services.reduce((n, s) => n + documentedJobTypes(s).length, 0);
  const glance = [
    `[${services.length}](one-endpoint-four-services.html)`,
    `[${jobTypes}](job-types.html)`,
    `[${catalogue.disagreements.length}](one-endpoint-four-services.html#where-the-sources-disagree)`,
    `[${catalogue.errors.length}](errors.html)`,
  ];
  return new Map([
    ["at-a-glance", table(["Services, one endpoint", "Documented job types", "Source disagreements, resolved", "Error statuses, with codes"], [glance])],
    ["service-matrix", serviceMatrix(services)],
    ["status-matrix", statusMatrix(services)],
    ["disagreements", disagreementTable(catalogue.disagreements)],
    ["job-types", jobTypesSection(services)],
    ["error-envelopes", envelopesSection(catalogue)],
    ["error-summary", errorStatusTable(catalogue.errors)],
    ["error-details", errorStatusDetails(catalogue.errors)],
    ["retry-comparison", retryComparisonTable(catalogue.errors)],
    ["waiter-defaults", waiterDefaultsTable()],
    ["polling-cost", pollingCostTable()],
    ["signing-recipe", signingDescription(doc).recipe],
    ...Object.entries(await workedExample(doc)),
  ]);
}

/** Writes every generated section to `<dir>/<name>.md` (the directory is replaced whole). */
export async function writeGeneratedSections(dir: string): Promise<void> {
  const sections = await generatedSections();
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const banner = "<!-- Generated from the contract by packages/docs/src/generate.ts: do not edit. -->";
  for (const [name, markdown] of sections) writeFileSync(join(dir, `${name}.md`), `${banner}\n\n${markdown}\n`);
}
