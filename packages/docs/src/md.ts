/** Markdown builders for the generated guide sections (VitePress renders them, Vue components included). */

/** Plain text from the contract (sources, resolutions) that may quote code in backticks: safe in a table cell and in Vue. */
export function text(value: string): string {
  return value
    .split(/(`[^`]+`)/)
    .map((part) => (part.startsWith("`") ? part : part.replace(/</g, "&lt;").replace(/\{\{/g, "{&#123;")))
    .join("")
    .replace(/\|/g, "\\|");
}

/** Markdown from the contract's descriptions, on one line so that it fits a table cell. */
export const cell = (markdown: string): string => markdown.trim().replace(/\s*\n\s*\n\s*/g, "<br>").replace(/\s*\n\s*/g, " ").replace(/\|/g, "\\|");

/** Inline code of a literal. */
export const code = (value: string | number): string => `\`${String(value).replace(/\|/g, "\\|")}\``;

/** A table; cells are markdown already. */
export function table(headers: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]) => `| ${cells.join(" | ")} |`;
  return [line(headers), line(headers.map(() => "---")), ...rows.map(line)].join("\n");
}

/** VitePress's `<Badge>`: tip (green), info (grey), warning (yellow), danger (red). */
export const badge = (label: string, type: "tip" | "info" | "warning" | "danger" = "info"): string => `<Badge type="${type}" text="${label}" />`;

/** A fenced code block. */
export const fence = (lang: string, source: string): string => `\`\`\`${lang}\n${source}\n\`\`\``;

/** Pretty JSON in a code block. */
export const json = (value: unknown): string => fence("json", JSON.stringify(value, null, 2));

/** A collapsed block (VitePress `::: details`). */
export const details = (summary: string, body: string): string => `::: details ${summary}\n${body}\n:::`;

const CLOUD_NAMES: Record<string, string> = { otc: "Open Telekom Cloud", huaweicloud: "Huawei Cloud" };
const CONFIDENCE_TEXT: Record<string, string> = {
  documented: "documented in an API reference",
  "documented-huaweicloud": "documented in a Huawei Cloud reference only",
  "sdk-only": "seen only in an SDK's source",
  strong: "asserted by an SDK test against the live service",
};

/** `otc` → `Open Telekom Cloud`, for a list of `x-cloud-jobs-clouds` ids; unknown ids stay as they are. */
export const clouds = (ids: readonly string[]): string => ids.map((id) => CLOUD_NAMES[id] ?? id).join(", ");

/** What `x-cloud-jobs-confidence` means, in words (see the spec's extensions.md). */
export const confidenceText = (confidence: string): string => CONFIDENCE_TEXT[confidence] ?? confidence;
