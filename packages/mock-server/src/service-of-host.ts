import { isServiceName, type ServiceName } from "@cloud-jobs/fixtures";

/**
 * The service a request is for, from the first label of its Host header
 * (`evs.eu-de.otc.t-systems.com` → `evs`), as the real endpoints are named;
 * `undefined` for hosts such as `127.0.0.1:4010`.
 */
export function serviceOfHost(host: string | undefined): ServiceName | undefined {
  const label = host?.split(/[.:]/)[0]?.toLowerCase();
  return isServiceName(label) ? label : undefined;
}
