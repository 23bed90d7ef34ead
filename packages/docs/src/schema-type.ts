import { isNode, type Node, type SpecIndex } from "./spec-index.js";

/**
 * A short, human type label for a schema, as a guide table shows it:
 * `string (uuid)`, `integer ≥ 0`, `EcsJob[]`, `map<string, string>`, `"createServer"`.
 * Named component schemas keep their name, so the label can link to the reference.
 */
export function typeLabel(spec: SpecIndex, schema: unknown): string {
  const name = spec.refName(schema);
  if (name !== undefined) {
    const target = spec.deref(schema);
    // Scalars read better as their type than as a component name nobody has seen.
    return isScalar(target) ? `${scalarLabel(target)} (${name})` : name;
  }
  if (!isNode(schema)) return "any";
  if (schema.const !== undefined) return JSON.stringify(schema.const);
  for (const key of ["anyOf", "oneOf"] as const) {
    const members = schema[key];
    if (Array.isArray(members)) return members.map((m) => typeLabel(spec, m)).join(" | ");
  }
  const types = Array.isArray(schema.type) ? schema.type : [schema.type];
  return types
    .filter((t): t is string => typeof t === "string")
    .map((t) => labelOf(spec, schema, t))
    .join(" | ");
}

function labelOf(spec: SpecIndex, schema: Node, type: string): string {
  if (type === "array") return `${typeLabel(spec, schema.items)}[]`;
  if (type === "object") {
    if (isNode(schema.additionalProperties)) return `map<string, ${typeLabel(spec, schema.additionalProperties)}>`;
    return "object";
  }
  return scalarLabel({ ...schema, type });
}

function isScalar(schema: Node): boolean {
  const types = Array.isArray(schema.type) ? schema.type : [schema.type];
  return types.every((t) => typeof t === "string" && !["object", "array"].includes(t));
}

function scalarLabel(schema: Node): string {
  const types = (Array.isArray(schema.type) ? schema.type : [schema.type]).filter((t) => typeof t === "string");
  let label = types.join(" | ") || "any";
  if (typeof schema.format === "string") label += ` (${schema.format})`;
  if (typeof schema.minimum === "number") label += ` ≥ ${schema.minimum}`;
  if (Array.isArray(schema.enum)) label = schema.enum.map((v) => JSON.stringify(v)).join(" | ");
  return label;
}
