import { readFile } from "node:fs/promises";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { extname, join } from "node:path";
export { launchChromium } from "test-browser";

const TYPES: Record<string, string> = { ".html": "text/html", ".js": "text/javascript" };

/**
 * Serves a page on 127.0.0.1 (its own port, so another origin than the mock
 * server's): `/` is `html`, other paths are files of `dirs` (first match).
 */
export async function servePage(html: string, dirs: readonly string[]): Promise<{ url: string; close(): Promise<void> }> {
  const server = createServer(async (req, res) => {
    const path = new URL(req.url ?? "/", "http://page.invalid").pathname;
    if (path === "/") return res.writeHead(200, { "Content-Type": "text/html" }).end(html);
    for (const dir of dirs) {
      const body = await readFile(join(dir, path.replace(/\.\.+/g, ""))).catch(() => undefined);
      if (body) return res.writeHead(200, { "Content-Type": TYPES[extname(path)] ?? "application/octet-stream" }).end(body);
    }
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}
