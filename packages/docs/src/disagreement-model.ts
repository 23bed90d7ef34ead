import { isNode, SpecShapeError, strings, text, type Node } from "./spec-index.js";

/** Where in the contract one `x-cloud-jobs-disagreement` sits, and what it says there. */
export interface DisagreementSite {
  /** JSON pointer of the object carrying the extension. */
  readonly pointer: string;
  readonly topic: string;
  readonly sources: readonly string[];
  readonly resolution: string;
}

/** One numbered disagreement of job-api-facts.md section 10, with every place the contract resolves it. */
export interface Disagreement {
  readonly id: number;
  readonly sites: readonly DisagreementSite[];
}

/**
 * Every `x-cloud-jobs-disagreement` in the document, grouped by id and sorted.
 * A disagreement can be resolved in several places (the statuses of each
 * service, say); each place keeps its own wording.
 */
export function disagreementsOf(doc: Node): Disagreement[] {
  const byId = new Map<number, DisagreementSite[]>();
  walk(doc, "#", (pointer, value) => {
    const id = value.id;
    const topic = text(value, "topic");
    const resolution = text(value, "resolution");
    if (typeof id !== "number" || topic === undefined || resolution === undefined) {
      throw new SpecShapeError("x-cloud-jobs-disagreement needs id, topic, sources and resolution", pointer);
    }
    const sites = byId.get(id) ?? [];
    sites.push({ pointer, topic, sources: strings(value, "sources"), resolution });
    byId.set(id, sites);
  });
  return [...byId.entries()].sort(([a], [b]) => a - b).map(([id, sites]) => ({ id, sites }));
}

function walk(node: unknown, pointer: string, visit: (pointer: string, value: Node) => void): void {
  if (Array.isArray(node)) {
    node.forEach((item, i) => walk(item, `${pointer}/${i}`, visit));
    return;
  }
  if (!isNode(node)) return;
  for (const [key, value] of Object.entries(node)) {
    if (key === "x-cloud-jobs-disagreement" && isNode(value)) visit(pointer, value);
    else walk(value, `${pointer}/${key.replace(/~/g, "~0").replace(/\//g, "~1")}`, visit);
  }
}
