import { code, esc } from "../html.js";
import { schemaLink } from "../schema-tags.js";
import { OPERATION_HREF } from "../site-map.js";

/** A link (HTML) to where a JSON pointer of the contract is shown: a schema's reference section, the operation, or a guide page. */
export function pointerLink(tags: ReadonlyMap<string, string>, pointer: string): string {
  const parts = pointer.slice(2).split("/");
  const name = parts[parts.length - 1] ?? "";
  if (parts[0] === "components" && parts[1] === "schemas") return `<a href="${schemaLink(tags, name)}">${code(name)}</a>`;
  if (parts[0] === "components" && parts[1] === "responses") return `<a href="${OPERATION_HREF}">${code(name)} response</a>`;
  if (parts[0] === "components" && parts[1] === "examples") return `<a href="${OPERATION_HREF}">example ${code(name)}</a>`;
  if (parts[0] === "components" && parts[1] === "securitySchemes") return `<a href="signing.html">${code(name)} security scheme</a>`;
  if (parts[0] === "servers") return `<a href="reference.html">${code("servers")}</a>`;
  if (parts[0] === "paths") return `<a href="${OPERATION_HREF}">${code("showJob")} operation</a>`;
  return esc(pointer);
}

/** A link to a schema's reference section, labelled with its name in code. */
export function schemaAnchor(tags: ReadonlyMap<string, string>, name: string, label = name): string {
  return `<a href="${schemaLink(tags, name)}">${code(label)}</a>`;
}
