// `pnpm start` for the contract alone: says where the bundled files are.
import { statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

for (const name of ['openapi.yaml', 'openapi.json', 'job-schemas.json']) {
  const path = fileURLToPath(new URL(`../dist/${name}`, import.meta.url));
  console.log(`${path}  (${(statSync(path).size / 1024).toFixed(0)} KiB)`);
}
