import type { Catalogue, ServiceCatalogue } from "@cloud-jobs/spec/catalogue";
import { badge, cell, clouds, code, table, text } from "../md.js";
import { pointerLink, schemaAnchor } from "../site-map.js";
import { documentedJobTypes, subJobsAt } from "./job-types.js";

type Service = ServiceCatalogue<string>;
const CONTROL_FIELDS = new Set(["sub_jobs", "sub_jobs_total"]);
const HWC_ONLY = badge("HWC only", "warning");
const unique = <T>(items: Iterable<T>) => [...new Set(items)];
const otc = (svc: Service, status: string) => (svc.statusClouds[status] ?? []).includes("otc");

/** What differs per service, one row per aspect, every cell read from the contract (unions, job-type schemas, status enums, entities schemas). */
export function serviceMatrix(services: readonly Service[]): string {
  const row = (aspect: string, at: (s: Service, jobTypes: ReturnType<typeof documentedJobTypes>) => string) => [aspect, ...services.map((s) => at(s, documentedJobTypes(s)))];
  return table(
    ["", ...services.map((s) => `${s.label}<br>${s.fullName}`)],
    [
      row("Union in the contract", (s) => `${schemaAnchor(s.unionSchema)}<br>documented: ${schemaAnchor(s.knownSchema)}<br>any other: ${schemaAnchor(s.unknownSchema)}`),
      row("Documented job types", (s, jts) => {
        const count = (level: string) => jts.filter((jt) => jt.levels.includes(level as "top" | "sub")).length;
        return `[${jts.length}](job-types.html#${s.service}) (${count("top")} as jobs, ${count("sub")} as sub-jobs)`;
      }),
      row("Only in Huawei Cloud or SDK sources", (_, jts) => jts.filter((jt) => !jt.clouds.includes("otc")).map((jt) => code(jt.jobType)).join(", ") || "—"),
      row("Statuses", (s) => s.statuses.map((st) => `${code(st)}${otc(s, st) ? "" : ` ${HWC_ONLY}`}`).join("<br>")),
      row("Sub-jobs live in", (s) => code(subJobsAt(s))),
      row(code("sub_jobs_total"), (s) => (s.subJobsTotal ? badge("yes", "tip") : badge("never"))),
      row(`${code("entities")} fields`, (s, jts) => {
        const fields = unique(jts.flatMap((jt) => jt.entities.fields.map((f) => f.name))).filter((n) => !CONTROL_FIELDS.has(n));
        return (fields.map(code).join(", ") || "—") + (s.stringEntities ? `<br>other job types: ${code("map<string, string>")}` : "");
      }),
      row("Query error in a 200 body", (s) => s.queryErrorFields.map(code).join(", ") || "—"),
      row("Clouds documenting its job types", (_, jts) => clouds(unique(jts.flatMap((jt) => jt.clouds)))),
    ],
  );
}

/** Status × service: which service has which status, which are terminal, which only Huawei Cloud documents. */
export function statusMatrix(services: readonly Service[]): string {
  const rows = unique(services.flatMap((s) => s.statuses)).map((status) => {
    const first = services.find((s) => s.statuses.includes(status));
    const marks = services.map((s) => (!s.statuses.includes(status) ? "—" : otc(s, status) ? "✓" : `✓ ${HWC_ONLY}`));
    const terminal = first?.terminalStatuses.includes(status) ? ` ${badge("terminal")}` : "";
    return [`${code(status)}${terminal}`, ...marks, cell(first?.statusDescriptions[status]?.replace(/\s*Source:.*$/s, "") ?? "")];
  });
  return table(["Status", ...services.map((s) => s.label), "Meaning"], rows);
}

/** The disagreements of the sources: what each source says, and how the contract resolves it at each place it is modelled. */
export function disagreementTable(disagreements: Catalogue<string>["disagreements"]): string {
  const rows = disagreements.map((d) => {
    const resolutions = new Map<string, string[]>();
    for (const site of d.sites) resolutions.set(site.resolution, [...(resolutions.get(site.resolution) ?? []), pointerLink(site.pointer)]);
    return [
      `<span id="disagreement-${d.id}">**${d.id}**</span> **${unique(d.sites.map((s) => s.topic)).map(text).join("; ")}**`,
      unique(d.sites.flatMap((s) => s.sources)).map(text).join("<br>"),
      [...resolutions].map(([resolution, links]) => `${text(resolution)} — ${unique(links).join(", ")}`).join("<br>"),
    ];
  });
  return table(["Disagreement", "The sources say", "The contract, and where"], rows);
}
