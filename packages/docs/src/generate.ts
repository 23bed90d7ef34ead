import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { disagreementsOf } from "./disagreement-model.js";
import { envelopesOf, errorStatusesOf } from "./error-model.js";
import { table } from "./md.js";
import { schemaTags } from "./schema-tags.js";
import { envelopesSection, errorStatusDetails, errorStatusTable } from "./sections/errors.js";
import { jobTypesSection } from "./sections/job-types.js";
import { pollingCostTable, retryComparisonTable, waiterDefaultsTable } from "./sections/polling.js";
import { disagreementTable, serviceMatrix, statusMatrix } from "./sections/reconciliation.js";
import { signingRecipeSection, workedExampleSection } from "./sections/signing.js";
import { servicesOf } from "./service-model.js";
import { loadSpec, type SpecIndex } from "./spec-index.js";

/**
 * Every section made from the contract (and, for polling and signing, from the
 * client's own waiter and signer), as markdown by name. Guide pages pull them
 * in with VitePress's `<!--@include: ./generated/<name>.md-->`.
 */
export async function generatedSections(spec: SpecIndex = loadSpec()): Promise<Map<string, string>> {
  const services = servicesOf(spec);
  const tags = schemaTags(spec, services);
  const statuses = errorStatusesOf(spec);
  const disagreements = disagreementsOf(spec.doc);
  const jobTypes = services.reduce((n, s) => n + s.jobTypes.length, 0);
  return new Map([
    [
      "at-a-glance",
      table(
        ["Services, one endpoint", "Documented job types", "Source disagreements, resolved", "Error statuses, with codes"],
        [[`[${services.length}](one-endpoint-four-services.html)`, `[${jobTypes}](job-types.html)`, `[${disagreements.length}](one-endpoint-four-services.html#where-the-sources-disagree)`, `[${statuses.length}](errors.html)`]],
      ),
    ],
    ["service-matrix", serviceMatrix(services, tags)],
    ["status-matrix", statusMatrix(services)],
    ["disagreements", disagreementTable(disagreements, tags)],
    ["job-types", jobTypesSection(services, tags)],
    ["error-envelopes", envelopesSection(envelopesOf(spec), statuses, tags)],
    ["error-summary", errorStatusTable(statuses)],
    ["error-details", errorStatusDetails(statuses)],
    ["retry-comparison", retryComparisonTable(statuses)],
    ["waiter-defaults", waiterDefaultsTable()],
    ["polling-cost", pollingCostTable()],
    ["signing-recipe", signingRecipeSection(spec)],
    ["signing-worked-example", await workedExampleSection(spec)],
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
