// Derives dist/job-schemas.json from the bundled contract: the component schemas as one
// JSON Schema 2020-12 document ($defs), for validators that do not read OpenAPI.
// OpenAPI-only keywords (discriminator) and x-cloud-jobs-* annotations are dropped:
// validators in strict mode reject unknown keywords, and neither changes what validates.
import { readFileSync, writeFileSync } from 'node:fs';

const here = new URL('../', import.meta.url);
const doc = JSON.parse(readFileSync(new URL('dist/openapi.json', here), 'utf8'));

const strip = (node) => {
  if (Array.isArray(node)) return node.map(strip);
  if (node === null || typeof node !== 'object') return node;
  const out = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === 'discriminator' || key.startsWith('x-')) continue;
    if (key === '$ref' && typeof value === 'string') {
      out.$ref = value.replace('#/components/schemas/', '#/$defs/');
      continue;
    }
    // `properties`, `$defs` and `examples` hold user names/values, not keywords: copy them as they are.
    out[key] = key === 'examples' ? value : key === 'properties' ? Object.fromEntries(Object.entries(value).map(([k, v]) => [k, strip(v)])) : strip(value);
  }
  return out;
};

const schema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'urn:cloud-jobs:job-schemas',
  title: `${doc.info.title} — JSON Schema of the component schemas`,
  description: 'Generated from dist/openapi.json by scripts/json-schema.js. Validate a body with {"$ref": "urn:cloud-jobs:job-schemas#/$defs/EvsJob"}.',
  $defs: Object.fromEntries(Object.entries(doc.components.schemas).map(([name, s]) => [name, strip(s)])),
};
writeFileSync(new URL('dist/job-schemas.json', here), JSON.stringify(schema, null, 2) + '\n');
