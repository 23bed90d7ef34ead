import { code } from "../md.js";
import { schemaLink } from "../schema-tags.js";
import { OPERATION_HREF } from "../site-map.js";

/** A link to where a JSON pointer of the contract is shown: a schema's reference section, the operation, or a guide page. */
export function pointerLink(tags: ReadonlyMap<string, string>, pointer: string): string {
  const [root, kind, ...rest] = pointer.slice(2).split("/");
  const name = rest.at(-1) ?? kind ?? "";
  if (root === "components" && kind === "schemas") return schemaAnchor(tags, name);
  if (root === "components" && kind === "responses") return `[${code(name)} response](${OPERATION_HREF})`;
  if (root === "components" && kind === "examples") return `[example ${code(name)}](${OPERATION_HREF})`;
  if (root === "components" && kind === "securitySchemes") return `[${code(name)} security scheme](signing.html)`;
  if (root === "servers") return `[${code("servers")}](reference.html)`;
  if (root === "paths") return `[${code("showJob")} operation](${OPERATION_HREF})`;
  return code(pointer);
}

/** A link to a schema's reference section, labelled with its name in code. */
export function schemaAnchor(tags: ReadonlyMap<string, string>, name: string): string {
  return `[${code(name)}](${schemaLink(tags, name)})`;
}
