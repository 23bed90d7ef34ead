import { readFile, stat } from "node:fs/promises";
import type { IncomingMessage, ServerResponse } from "node:http";
import { extname, join, normalize, sep } from "node:path";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".yaml": "application/yaml; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".txt": "text/plain; charset=utf-8",
};

/**
 * A request handler serving the files under `root` (GET and HEAD only).
 * `/` and directories serve their index.html; paths that leave `root`
 * (`..`, encoded or not) are 404, like any missing file.
 */
export function staticHandler(root: string): (req: IncomingMessage, res: ServerResponse) => void {
  const base = normalize(root + sep);
  return (req, res) => {
    void serve(base, req, res).catch(() => {
      if (!res.headersSent) res.writeHead(500, { "content-type": "text/plain; charset=utf-8" });
      res.end("internal error\n");
    });
  };
}

async function serve(base: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
  if (req.method !== "GET" && req.method !== "HEAD") {
    res.writeHead(405, { allow: "GET, HEAD", "content-type": "text/plain; charset=utf-8" }).end("method not allowed\n");
    return;
  }
  const file = await resolveFile(base, req.url ?? "/");
  if (file === undefined) {
    res.writeHead(404, { "content-type": "text/plain; charset=utf-8" }).end("not found\n");
    return;
  }
  const body = await readFile(file);
  res.writeHead(200, {
    "content-type": TYPES[extname(file)] ?? "application/octet-stream",
    "content-length": body.byteLength,
    // Rebuilt docs must show at once; the files are small and local.
    "cache-control": "no-cache",
    "x-content-type-options": "nosniff",
  });
  res.end(req.method === "HEAD" ? undefined : body);
}

async function resolveFile(base: string, url: string): Promise<string | undefined> {
  let path: string;
  try {
    path = decodeURIComponent(new URL(url, "http://localhost").pathname);
  } catch {
    return undefined;
  }
  if (path.includes("\0")) return undefined;
  let file = normalize(join(base, path));
  if (!file.startsWith(base) && file + sep !== base) return undefined;
  const info = await stat(file).catch(() => undefined);
  if (info?.isDirectory()) {
    file = join(file, "index.html");
    return (await stat(file).catch(() => undefined))?.isFile() ? file : undefined;
  }
  return info?.isFile() ? file : undefined;
}
