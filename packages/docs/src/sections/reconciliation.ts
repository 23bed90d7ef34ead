import type { Disagreement } from "../disagreement-model.js";
import { badge, code, codeWrap, esc, list, md, prose, table } from "../html.js";
import { cloudName } from "../provenance.js";
import type { ServiceInfo } from "../service-model.js";
import { pointerLink, schemaAnchor } from "./site-links.js";

const CONTROL_FIELDS = new Set(["sub_jobs", "sub_jobs_total"]);

/**
 * What differs per service, one row per aspect, every cell read from the
 * contract (unions, job-type schemas, status enums, entities schemas).
 */
export function serviceMatrix(services: readonly ServiceInfo[], tags: ReadonlyMap<string, string>): string {
  const row = (aspect: string, cell: (s: ServiceInfo) => string) => [aspect, ...services.map(cell)];
  const fieldsAt = (s: ServiceInfo) =>
    [...new Set(s.jobTypes.flatMap((jt) => jt.entities.fields.map((f) => f.name)))].filter((n) => !CONTROL_FIELDS.has(n));
  const rows = [
    row("Union in the contract", (s) =>
      `${schemaAnchor(tags, s.unionName)}<br><span class="muted">documented:</span> ${schemaAnchor(tags, s.knownName)}` +
      `<br><span class="muted">any other:</span> ${schemaAnchor(tags, s.unknownName)}`,
    ),
    row("Documented job types", (s) => {
      const top = s.jobTypes.filter((jt) => jt.levels.includes("top")).length;
      const sub = s.jobTypes.filter((jt) => jt.levels.includes("sub")).length;
      return `<a href="job-types.html#${s.key}">${s.jobTypes.length}</a> <span class="muted">(${top} as jobs, ${sub} as sub-jobs)</span>`;
    }),
    row("Only in Huawei Cloud or SDK sources", (s) => {
      const extra = s.jobTypes.filter((jt) => !jt.clouds.includes("otc"));
      return extra.length ? extra.map((jt) => codeWrap(jt.jobType)).join(", ") : "—";
    }),
    row("Statuses", (s) =>
      s.statuses
        .map((st) => (st.clouds.includes("otc") ? code(st.value) : `${code(st.value)} ${badge("HWC only", "warn")}`))
        .join("<br>"),
    ),
    row("Sub-jobs live in", (s) => (s.subJobsAt === "none" ? "—" : code(s.subJobsAt))),
    row(code("sub_jobs_total"), (s) => (s.hasSubJobsTotal ? badge("yes", "good") : badge("never", "neutral"))),
    row(code("entities") + " fields", (s) => {
      const fields = fieldsAt(s);
      const free = s.jobTypes.some((jt) => jt.entities.type.startsWith("map<"));
      return (fields.map(codeWrap).join(", ") || "—") + (free ? `<br><span class="muted">other job types: ${code("map<string, string>")}</span>` : "");
    }),
    row("Query error in a 200 body", (s) => s.queryErrorFields.map(code).join(", ") || "—"),
    row("Clouds documenting its job types", (s) =>
      [...new Set(s.jobTypes.flatMap((jt) => jt.clouds))].map((c) => esc(cloudName(c))).join(", "),
    ),
  ];
  const header = services.map((s) => `${esc(s.label)}<br><span class="muted sub">${esc(s.fullName)}</span>`);
  return table(["", ...header], rows, "matrix");
}

/** Status × service: which service has which status, which are terminal, which only Huawei Cloud documents. */
export function statusMatrix(services: readonly ServiceInfo[]): string {
  const values = [...new Set(services.flatMap((s) => s.statuses.map((st) => st.value)))];
  const rows = values.map((value) => {
    const any = services.flatMap((s) => s.statuses).find((st) => st.value === value);
    return [
      `${code(value)}${any?.terminal ? ` ${badge("terminal", "info")}` : ""}`,
      ...services.map((s) => {
        const st = s.statuses.find((x) => x.value === value);
        if (!st) return { html: "—", className: "absent" };
        return st.clouds.includes("otc") ? "✓" : `✓ ${badge("HWC only", "warn")}`;
      }),
      md(any?.description.replace(/\s*Source:.*$/, "") ?? ""),
    ];
  });
  return table(["Status", ...services.map((s) => esc(s.label)), "Meaning"], rows, "status-matrix");
}

/**
 * The twenty disagreements of the sources: what each source says, and how the
 * contract resolves it at each place it is modelled (linked to the reference).
 */
export function disagreementTable(disagreements: readonly Disagreement[], tags: ReadonlyMap<string, string>): string {
  const rows = disagreements.map((d) => {
    const topics = [...new Set(d.sites.map((s) => s.topic))];
    const sources = [...new Set(d.sites.flatMap((s) => s.sources))];
    const resolutions = new Map<string, string[]>();
    for (const site of d.sites) {
      const links = resolutions.get(site.resolution) ?? [];
      links.push(pointerLink(tags, site.pointer));
      resolutions.set(site.resolution, links);
    }
    const contract = [...resolutions].map(([resolution, links]) => `${prose(resolution)} <span class="where">— ${[...new Set(links)].join(", ")}</span>`);
    return [
      `<span class="dnum" id="disagreement-${d.id}">${d.id}</span> <strong>${topics.map(esc).join("; ")}</strong>`,
      list(sources.map(prose)),
      list(contract),
    ];
  });
  return table(["Disagreement", "The sources say", "The contract, and where"], rows, "disagreements");
}
