// Dev-only cross-check: our signer, with node:crypto and with Web Crypto, against the
// official Node SDK's AKSKSigner (@huaweicloud/huaweicloud-sdk-core, a devDependency only).
import { mkdtempSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { nodeCryptoHashes, webCryptoHashes, type Hashes } from "./signer.js";
import { signRequestWith } from "./signer.js";

interface OfficialRequest {
  method: string;
  endpoint: string;
  headers: Record<string, string>;
  queryParams: Record<string, string | string[]>;
  data?: unknown;
}
type OfficialSigner = {
  sign(request: OfficialRequest, credential: { getAk(): string; getSk(): string }): Record<string, string>;
};

let official: OfficialSigner;
let home: string;
const savedHome = process.env["HOME"];

beforeAll(() => {
  // The SDK writes ~/.huaweicloud on first use of its clients; keep the real home untouched.
  home = mkdtempSync(join(tmpdir(), "cj-hwsdk-"));
  process.env["HOME"] = home;
  const require = createRequire(import.meta.url);
  official = (require("@huaweicloud/huaweicloud-sdk-core/auth/AKSKSigner") as { AKSKSigner: OfficialSigner })
    .AKSKSigner;
});

afterAll(() => {
  process.env["HOME"] = savedHome;
  rmSync(home, { recursive: true, force: true });
});

// Where the two SDK families differ on purpose, the
// generators stay on common ground: the Node SDK signs content-type and `_`
// headers, does not trim values, and re-encodes an already-encoded path, so
// header names avoid those, values carry no edge whitespace, and path segments
// use unreserved characters or letters the URL parser leaves alone.
// Dot segments are left out: the WHATWG URL parser removes them before signing, the legacy one does not.
const segment = fc.stringMatching(/^[A-Za-z0-9\-_.~äöüßé一]{1,16}$/).filter((s) => s !== "." && s !== "..");
const headerName = fc
  .stringMatching(/^x-[a-z0-9-]{1,12}$/)
  .filter((n) => !["x-sdk-date", "x-sdk-content-sha256", "x-security-token"].includes(n));
const headerValue = fc.stringMatching(/^[\x21-\x7e]([\x20-\x7e]{0,30}[\x21-\x7e])?$/);
const bmpText = fc.string({ unit: fc.integer({ min: 0x20, max: 0xd7ff }).map((c) => String.fromCharCode(c)), maxLength: 12 });
const request = fc.record({
  method: fc.constantFrom("GET", "DELETE", "POST", "PUT"),
  host: fc.constantFrom("ecs.eu-de.otc.t-systems.com", "evs.cn-north-4.myhuaweicloud.com", "127.0.0.1:4010"),
  path: fc.array(segment, { minLength: 1, maxLength: 5 }),
  trailingSlash: fc.boolean(),
  query: fc.dictionary(bmpText.filter((k) => k.length > 0), fc.array(bmpText, { minLength: 1, maxLength: 3 }), {
    maxKeys: 3,
  }),
  headers: fc.dictionary(headerName, headerValue, { maxKeys: 5 }),
  data: fc.option(fc.dictionary(fc.string({ maxLength: 6 }), fc.oneof(fc.string(), fc.integer())), { nil: undefined }),
  date: fc.date({ min: new Date("2000-01-01T00:00:00Z"), max: new Date("2099-12-31T23:59:59Z"), noInvalidDate: true }),
  accessKey: fc.stringMatching(/^[A-Z0-9]{20}$/),
  secretKey: fc.stringMatching(/^[A-Za-z0-9]{40}$/),
});

const IMPLEMENTATIONS: [string, Hashes][] = [
  ["node:crypto", nodeCryptoHashes() as Hashes],
  ["Web Crypto", webCryptoHashes],
];

describe("signRequest against the official Node SDK signer", () => {
  it.each(IMPLEMENTATIONS)("produces the same Authorization header for a few hundred random requests, %s", async (_name, hashes) => {
    await fc.assert(
      fc.asyncProperty(request, async (r) => {
        const sdkDate = r.date.toISOString().replace(/[-:]/g, "").replace(/\.\d{3}/, "");
        const path = `/${r.path.join("/")}${r.trailingSlash ? "/" : ""}`;
        const url = new URL(`https://${r.host}${path}`);
        for (const [key, values] of Object.entries(r.query)) for (const v of values) url.searchParams.append(key, v);
        const headers = { ...r.headers, host: r.host, "X-Sdk-Date": sdkDate };
        const body = r.data === undefined ? undefined : JSON.stringify(r.data);

        const ours = await signRequestWith(hashes, { method: r.method, url, headers, body }, r);
        const theirs = official.sign(
          { method: r.method, endpoint: `https://${r.host}${path}`, headers: { ...headers }, queryParams: r.query, data: r.data },
          { getAk: () => r.accessKey, getSk: () => r.secretKey },
        );
        expect(ours.authorization).toBe(theirs["Authorization"]);
      }),
      { numRuns: 300 },
    );
  });
});
