// The official Huawei Cloud Node SDK (ECS package, AK/SK only). It writes
// ~/.huaweicloud on first use, so it gets a temporary HOME for the rest of this
// process (child processes get the real one back, see `originalHome`). It also
// configures log4js process-wide and prints whole requests — Authorization
// included — on HTTP errors; the credentials here are fake and the server answers 200.
import { mkdtempSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { AK_SK, JOB_ID, PROJECT_ID } from "./loopback.js";

/** HOME as it was before the SDK was loaded. */
export const originalHome = process.env["HOME"];

/** @type {{ core: any, ecs: any, signer: any } | undefined} */
let loaded;

/** Loads the SDK once, with HOME pointed at a fresh temporary directory. */
export function loadOfficialSdk() {
  if (loaded === undefined) {
    process.env["HOME"] = mkdtempSync(join(tmpdir(), "cloud-jobs-bench-hwsdk-"));
    const require = createRequire(import.meta.url);
    loaded = {
      core: require("@huaweicloud/huaweicloud-sdk-core"),
      ecs: require("@huaweicloud/huaweicloud-sdk-ecs"),
      // Not re-exported by the package's index; the path is the one the SDK's own clients use.
      signer: require("@huaweicloud/huaweicloud-sdk-core/auth/AKSKSigner").AKSKSigner,
    };
  }
  return loaded;
}

/** The SDK's `EcsClient.showJob`, signed with AK/SK, against `url`. @param {string} url @returns {import("../lib/measure.js").Contender} */
export function officialSdkShowJob(url) {
  const { core, ecs } = loadOfficialSdk();
  const credentials = new core.BasicCredentials().withAk(AK_SK.accessKey).withSk(AK_SK.secretKey).withProjectId(PROJECT_ID);
  const client = ecs.EcsClient.newBuilder().withCredential(credentials).withEndpoint(url).build();
  return {
    name: "official SDK showJob (AK/SK)",
    call: () => client.showJob(new ecs.ShowJobRequest(JOB_ID)),
  };
}
