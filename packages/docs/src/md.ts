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
export function cell(markdown: string): string {
  return markdown.trim().replace(/\s*\n\s*\n\s*/g, "<br>").replace(/\s*\n\s*/g, " ").replace(/\|/g, "\\|");
}

/** Inline code of a literal. */
export function code(value: string | number): string {
  return `\`${String(value).replace(/\|/g, "\\|")}\``;
}

/** A table; cells are markdown already. */
export function table(headers: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]) => `| ${cells.join(" | ")} |`;
  return [line(headers), line(headers.map(() => "---")), ...rows.map(line)].join("\n");
}

/** VitePress's `<Badge>`: tip (green), info (grey), warning (yellow), danger (red). */
export function badge(label: string, type: "tip" | "info" | "warning" | "danger" = "info"): string {
  return `<Badge type="${type}" text="${label}" />`;
}

/** A fenced code block. */
export function fence(lang: string, source: string): string {
  return `\`\`\`${lang}\n${source}\n\`\`\``;
}

/** Pretty JSON in a code block. */
export function json(value: unknown): string {
  return fence("json", JSON.stringify(value, null, 2));
}

/** A collapsed block (VitePress `::: details`). */
export function details(summary: string, body: string): string {
  return `::: details ${summary}\n${body}\n:::`;
}
