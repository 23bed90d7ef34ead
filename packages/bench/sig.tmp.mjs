import { signedJobHeaders } from "@cloud-jobs/client/signer";
import { createHmac, createHash } from "node:crypto";
const AK_SK = { accessKey: "BENCHACCESSKEY000001", secretKey: "bench-secret-key-not-a-secret-0000000000" };
const url = "http://127.0.0.1:1234/v1/0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e/jobs/abc";
for (let r = 0; r < 5; r++) {
  let t0 = performance.now(); for (let i = 0; i < 5000; i++) await signedJobHeaders(url, AK_SK, "p");
  const a = (performance.now() - t0) / 5000 * 1000;
  t0 = performance.now(); for (let i = 0; i < 5000; i++) createHmac("sha256", AK_SK.secretKey).update("abc").digest("hex");
  const b = (performance.now() - t0) / 5000 * 1000;
  t0 = performance.now(); for (let i = 0; i < 5000; i++) createHash("sha256").update("abc").digest("hex");
  const c = (performance.now() - t0) / 5000 * 1000;
  t0 = performance.now(); for (let i = 0; i < 5000; i++) new URL(url).host;
  const d = (performance.now() - t0) / 5000 * 1000;
  console.log("sign µs", a.toFixed(1), "hmac", b.toFixed(1), "hash", c.toFixed(1), "url", d.toFixed(1));
}
