import type { Disagreement } from "../disagreement-model.js";
import { badge, cell, code, table, text } from "../md.js";
import { cloudName } from "../provenance.js";
import type { ServiceInfo } from "../service-model.js";
import { pointerLink, schemaAnchor } from "./site-links.js";

const CONTROL_FIELDS = new Set(["sub_jobs", "sub_jobs_total"]);
const HWC_ONLY = badge("HWC only", "warning");
const unique = <T>(items: Iterable<T>) => [...new Set(items)];

/** What differs per service, one row per aspect, every cell read from the contract (unions, job-type schemas, status enums, entities schemas). */
export function serviceMatrix(services: readonly ServiceInfo[], tags: ReadonlyMap<string, string>): string {
  const row = (aspect: string, at: (s: ServiceInfo) => string) => [aspect, ...services.map(at)];
  const link = (name: string) => schemaAnchor(tags, name);
  return table(
    ["", ...services.map((s) => `${s.label}<br>${s.fullName}`)],
    [
      row("Union in the contract", (s) => `${link(s.unionName)}<br>documented: ${link(s.knownName)}<br>any other: ${link(s.unknownName)}`),
      row("Documented job types", (s) => {
        const count = (level: string) => s.jobTypes.filter((jt) => jt.levels.includes(level)).length;
        return `[${s.jobTypes.length}](job-types.html#${s.key}) (${count("top")} as jobs, ${count("sub")} as sub-jobs)`;
      }),
      row("Only in Huawei Cloud or SDK sources", (s) =>
        s.jobTypes.filter((jt) => !jt.clouds.includes("otc")).map((jt) => code(jt.jobType)).join(", ") || "—",
      ),
      row("Statuses", (s) => s.statuses.map((st) => `${code(st.value)}${st.clouds.includes("otc") ? "" : ` ${HWC_ONLY}`}`).join("<br>")),
      row("Sub-jobs live in", (s) => (s.subJobsAt === "none" ? "—" : code(s.subJobsAt))),
      row(code("sub_jobs_total"), (s) => (s.hasSubJobsTotal ? badge("yes", "tip") : badge("never"))),
      row(`${code("entities")} fields`, (s) => {
        const fields = unique(s.jobTypes.flatMap((jt) => jt.entities.fields.map((f) => f.name))).filter((n) => !CONTROL_FIELDS.has(n));
        const free = s.jobTypes.some((jt) => jt.entities.type.startsWith("map<"));
        return (fields.map(code).join(", ") || "—") + (free ? `<br>other job types: ${code("map<string, string>")}` : "");
      }),
      row("Query error in a 200 body", (s) => s.queryErrorFields.map(code).join(", ") || "—"),
      row("Clouds documenting its job types", (s) => unique(s.jobTypes.flatMap((jt) => jt.clouds)).map(cloudName).join(", ")),
    ],
  );
}

/** Status × service: which service has which status, which are terminal, which only Huawei Cloud documents. */
export function statusMatrix(services: readonly ServiceInfo[]): string {
  const values = unique(services.flatMap((s) => s.statuses.map((st) => st.value)));
  const rows = values.map((value) => {
    const any = services.flatMap((s) => s.statuses).find((st) => st.value === value);
    const marks = services.map((s) => {
      const st = s.statuses.find((x) => x.value === value);
      return !st ? "—" : st.clouds.includes("otc") ? "✓" : `✓ ${HWC_ONLY}`;
    });
    return [`${code(value)}${any?.terminal ? ` ${badge("terminal")}` : ""}`, ...marks, cell(any?.description.replace(/\s*Source:.*$/s, "") ?? "")];
  });
  return table(["Status", ...services.map((s) => s.label), "Meaning"], rows);
}

/** The disagreements of the sources: what each source says, and how the contract resolves it at each place it is modelled. */
export function disagreementTable(disagreements: readonly Disagreement[], tags: ReadonlyMap<string, string>): string {
  const rows = disagreements.map((d) => {
    const resolutions = new Map<string, string[]>();
    for (const site of d.sites) resolutions.set(site.resolution, [...(resolutions.get(site.resolution) ?? []), pointerLink(tags, site.pointer)]);
    return [
      `<span id="disagreement-${d.id}">**${d.id}**</span> **${unique(d.sites.map((s) => s.topic)).map(text).join("; ")}**`,
      unique(d.sites.flatMap((s) => s.sources)).map(text).join("<br>"),
      [...resolutions].map(([resolution, links]) => `${text(resolution)} — ${unique(links).join(", ")}`).join("<br>"),
    ];
  });
  return table(["Disagreement", "The sources say", "The contract, and where"], rows);
}
