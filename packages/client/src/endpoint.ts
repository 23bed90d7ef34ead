import { InvalidArgumentError } from "./errors.js";
import type { ServiceName } from "./service.js";

/** The cloud whose domain the endpoint is built on: Open Telekom Cloud (default) or Huawei Cloud. */
export type Cloud = "otc" | "huaweicloud";

/** Where to send requests: a region (and cloud), or a whole endpoint URL. */
export interface EndpointOptions {
  readonly service: ServiceName;
  /** Region id such as `eu-de`, `eu-nl`, `eu-ch2` (OTC) or `cn-north-4`, `ap-southeast-1` (Huawei Cloud). */
  readonly region?: string | undefined;
  /** Default `"otc"`. */
  readonly cloud?: Cloud | undefined;
  /** Base URL used as given (e.g. `http://127.0.0.1:4010` for the mock server); wins over `region`. */
  readonly endpoint?: string | URL | undefined;
}

const REGION = /^[a-z]{2,}(-[a-z0-9]+){1,3}$/;

/**
 * Base URL of a service (no trailing slash):
 * - OTC: `https://{service}.{region}.otc.t-systems.com`; Swiss region `eu-ch2`:
 *   `https://{service}.eu-ch2.sc.otc.t-systems.com`
 * - Huawei Cloud: `https://{service}.{region}.myhuaweicloud.com`
 * - `endpoint` given: that URL (http or https, no credentials, query or fragment).
 *
 * @example endpointFor({ service: "evs", region: "eu-nl" }) // "https://evs.eu-nl.otc.t-systems.com"
 */
export function endpointFor(options: EndpointOptions): string {
  if (options.endpoint !== undefined) return checkedEndpoint(options.endpoint);
  const { service, region, cloud = "otc" } = options;
  if (region === undefined || region === "") {
    throw new InvalidArgumentError("region", "give a region (e.g. eu-de) or a whole endpoint URL");
  }
  if (!REGION.test(region)) throw new InvalidArgumentError("region", `not a region id: ${JSON.stringify(region)}`);
  if (cloud === "huaweicloud") return `https://${service}.${region}.myhuaweicloud.com`;
  if (cloud !== "otc") throw new InvalidArgumentError("cloud", `must be "otc" or "huaweicloud", got ${JSON.stringify(cloud)}`);
  return region === "eu-ch2" ? `https://${service}.eu-ch2.sc.otc.t-systems.com` : `https://${service}.${region}.otc.t-systems.com`;
}

function checkedEndpoint(endpoint: string | URL): string {
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    throw new InvalidArgumentError("endpoint", `not an absolute URL: ${JSON.stringify(String(endpoint))}`);
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") {
    throw new InvalidArgumentError("endpoint", `must be http or https, got ${url.protocol}`);
  }
  // Credentials in the URL would be sent to the server and end up in logs and errors.
  if (url.username || url.password) throw new InvalidArgumentError("endpoint", "must not contain user or password");
  if (url.search || url.hash) throw new InvalidArgumentError("endpoint", "must not contain a query or fragment");
  return `${url.origin}${url.pathname}`.replace(/\/+$/, "");
}
