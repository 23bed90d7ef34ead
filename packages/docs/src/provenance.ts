import type { DisagreementSite } from "./disagreement-model.js";
import type { JobTypeInfo } from "./service-model.js";

const CLOUD_NAMES: Record<string, string> = { otc: "Open Telekom Cloud", huaweicloud: "Huawei Cloud" };

/** `otc` → `Open Telekom Cloud`; unknown ids stay as they are. */
export function cloudName(id: string): string {
  return CLOUD_NAMES[id] ?? id;
}

const CONFIDENCE_TEXT: Record<string, string> = {
  documented: "documented in an API reference",
  "documented-huaweicloud": "documented in a Huawei Cloud reference only",
  "sdk-only": "seen only in an SDK's source",
  strong: "asserted by an SDK test against the live service",
};

/** What `x-cloud-jobs-confidence` means, in words (see spec/extensions.md). */
export function confidenceText(confidence: string): string {
  return CONFIDENCE_TEXT[confidence] ?? confidence;
}

/**
 * Markdown paragraph appended to a job-type schema's description in the
 * reference, so the provenance extensions are read as prose rather than as
 * raw JSON (Redoc's `showExtensions`).
 */
export function jobTypeProvenance(jt: JobTypeInfo): string {
  const lines = [
    `**Where it comes from.** Clouds: ${jt.clouds.map(cloudName).join(", ") || "—"}. ` +
      `Confidence: ${confidenceText(jt.confidence)}. Occurs as: ${jt.levels.map((l) => (l === "top" ? "a job" : "a sub-job")).join(" and ")}.`,
    "",
    ...jt.sources.map((s) => `- ${s}`),
  ];
  return lines.join("\n");
}

/** Markdown note for a place where the sources disagree, appended to that place's description. */
export function disagreementNote(id: number, site: DisagreementSite): string {
  const sources = site.sources.map((s) => `*${s}*`).join("; ");
  return `> **Sources disagree** (#${id}, ${site.topic}): ${sources}. **Resolved:** ${site.resolution}.`;
}
