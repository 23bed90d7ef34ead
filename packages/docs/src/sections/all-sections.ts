import { disagreementsOf } from "../disagreement-model.js";
import { envelopesOf, errorStatusesOf } from "../error-model.js";
import { esc } from "../html.js";
import { schemaTags } from "../schema-tags.js";
import type { ServiceInfo } from "../service-model.js";
import { PAGES } from "../site-map.js";
import type { SpecIndex } from "../spec-index.js";
import { envelopesSection, errorStatusDetails, errorStatusTable } from "./errors.js";
import { jobTypesSection } from "./job-types.js";
import { pollingCostTable, retryComparisonTable, waiterDefaultsTable } from "./polling.js";
import { disagreementTable, serviceMatrix, statusMatrix } from "./reconciliation.js";
import { signingRecipeSection, workedExampleSection } from "./signing.js";

/**
 * Every section the guide's `<!-- generated: name -->` directives can ask for,
 * made from the bundled contract (and, for polling and signing, from the
 * client's exported defaults and signer).
 */
export async function allSections(spec: SpecIndex, services: readonly ServiceInfo[]): Promise<Map<string, string>> {
  const tags = schemaTags(spec, services);
  const statuses = errorStatusesOf(spec);
  const disagreements = disagreementsOf(spec.doc);
  return new Map([
    ["at-a-glance", atAGlance(services, statuses.length, disagreements.length)],
    ["page-cards", pageCards()],
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

function atAGlance(services: readonly ServiceInfo[], errorStatuses: number, disagreements: number): string {
  const jobTypes = services.reduce((n, s) => n + s.jobTypes.length, 0);
  const stat = (value: number | string, label: string, href: string) =>
    `<a class="stat" href="${href}"><span class="value">${esc(value)}</span><span class="label">${esc(label)}</span></a>`;
  return `<div class="stats">${[
    stat(services.length, "services, one endpoint", "one-endpoint-four-services.html"),
    stat(jobTypes, "documented job types", "job-types.html"),
    stat(disagreements, "source disagreements, resolved", "one-endpoint-four-services.html#where-the-sources-disagree"),
    stat(errorStatuses, "error statuses, with codes", "errors.html"),
  ].join("")}</div>`;
}

function pageCards(): string {
  return `<div class="cards">${PAGES.filter((p) => p.file !== "index.html")
    .map((p) => `<a class="card" href="${p.file}"><strong>${esc(p.title)}</strong><span>${esc(p.blurb)}</span></a>`)
    .join("")}</div>`;
}
