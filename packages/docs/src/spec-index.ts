import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

/** A JSON object of the OpenAPI document, read loosely: the docs only need to walk it. */
export type Node = { readonly [key: string]: unknown };

/** The bundled contract with `$ref` lookup. */
export interface SpecIndex {
  /** The whole document, as bundled by `@cloud-jobs/spec`. */
  readonly doc: Node;
  /** The component schema of that name; throws `SpecShapeError` when it is missing. */
  schema(name: string): Node;
  /** Follows `$ref`s (local ones only, as in the bundle) until a node without one. */
  deref(node: unknown): Node;
  /** The component name a `$ref` points at (`#/components/schemas/EcsJob` → `EcsJob`), else `undefined`. */
  refName(node: unknown): string | undefined;
}

/** The bundle does not look like the contract the docs were written for (a renamed schema, a missing key). */
export class SpecShapeError extends Error {
  override readonly name = "SpecShapeError";
  readonly code = "SPEC_SHAPE";
  constructor(
    message: string,
    /** JSON pointer of the place that was expected. */
    readonly pointer: string,
  ) {
    super(`${message} (at ${pointer})`);
  }
}

/** True for a plain JSON object. */
export function isNode(value: unknown): value is Node {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Path of `@cloud-jobs/spec`'s bundled `openapi.json` (built by `pnpm --filter @cloud-jobs/spec build`). */
export function bundledSpecPath(): string {
  return createRequire(import.meta.url).resolve("@cloud-jobs/spec/openapi.json");
}

/** Reads the bundled spec from disk and indexes it. */
export function loadSpec(path: string = bundledSpecPath()): SpecIndex {
  return indexSpec(JSON.parse(readFileSync(path, "utf8")) as Node);
}

/** Indexes an already parsed document (tests pass small inline ones). */
export function indexSpec(doc: Node): SpecIndex {
  const lookup = (pointer: string): Node => {
    if (!pointer.startsWith("#/")) throw new SpecShapeError("only local $refs are expected in the bundle", pointer);
    let node: unknown = doc;
    for (const raw of pointer.slice(2).split("/")) {
      const key = raw.replace(/~1/g, "/").replace(/~0/g, "~");
      node = isNode(node) ? node[key] : undefined;
    }
    if (!isNode(node)) throw new SpecShapeError("nothing at this $ref", pointer);
    return node;
  };
  const deref = (node: unknown): Node => {
    let current = node;
    for (let hops = 0; isNode(current) && typeof current.$ref === "string"; hops++) {
      if (hops > 20) throw new SpecShapeError("$ref cycle", current.$ref);
      current = lookup(current.$ref);
    }
    if (!isNode(current)) throw new SpecShapeError("expected an object", JSON.stringify(node));
    return current;
  };
  return {
    doc,
    schema: (name) => lookup(`#/components/schemas/${name}`),
    deref,
    refName: (node) =>
      isNode(node) && typeof node.$ref === "string" ? node.$ref.slice(node.$ref.lastIndexOf("/") + 1) : undefined,
  };
}

/** `node[key]` as an array of objects (missing → `[]`). */
export function nodes(node: Node, key: string): Node[] {
  const value = node[key];
  return Array.isArray(value) ? value.filter(isNode) : [];
}

/** `node[key]` as an array of strings (missing → `[]`). */
export function strings(node: Node, key: string): string[] {
  const value = node[key];
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === "string");
  return typeof value === "string" ? [value] : [];
}

/** `node[key]` as a string, or `undefined`. */
export function text(node: Node, key: string): string | undefined {
  const value = node[key];
  return typeof value === "string" ? value : undefined;
}
