import { existsSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { staticHandler } from "./static-handler.js";

/** The built site, next to this module's package (`packages/docs/dist`). */
export const DEFAULT_DOCS_ROOT = fileURLToPath(new URL("../dist/", import.meta.url));

/** Options of `serveDocs`. */
export interface ServeDocsOptions {
  /** Port; 0 (default) picks a free one. */
  readonly port?: number;
  /** Interface to bind; default 127.0.0.1 (never all interfaces unless asked). */
  readonly host?: string;
  /** Directory to serve; default the built site of `@cloud-jobs/docs`. */
  readonly root?: string;
}

/** A running docs server. */
export interface DocsServer {
  /** `http://127.0.0.1:<port>/` — the landing page; the reference is `<url>reference.html`. */
  readonly url: string;
  /** Stops accepting connections, ends idle keep-alive ones, and resolves when the server is closed. */
  close(): Promise<void>;
}

/** The site has not been built: there is nothing to serve. */
export class DocsNotBuiltError extends Error {
  override readonly name = "DocsNotBuiltError";
  readonly code = "DOCS_NOT_BUILT";
  constructor(readonly root: string) {
    super(`no docs at ${root}: run \`pnpm --filter @cloud-jobs/docs build\` first`);
  }
}

/**
 * Serves the built docs (landing page, guide, Redoc reference) over HTTP.
 *
 * @example
 * const docs = await serveDocs({ port: 4000 });
 * console.log(`docs: ${docs.url}`);
 * process.once("SIGINT", () => void docs.close());
 */
export async function serveDocs(options: ServeDocsOptions = {}): Promise<DocsServer> {
  const root = options.root ?? DEFAULT_DOCS_ROOT;
  if (!existsSync(join(root, "index.html"))) throw new DocsNotBuiltError(root);
  const server = createServer(staticHandler(root));
  const host = options.host ?? "127.0.0.1";
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const shown = host.includes(":") ? `[${host}]` : host;
  return {
    url: `http://${shown}:${port}/`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeIdleConnections();
      }),
  };
}
