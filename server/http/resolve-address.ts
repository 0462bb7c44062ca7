// Which address a request comes from (issue #11 §2). By default the connection's own: a forwarded header is a
// client's word and changes nothing. Only when TRUSTED_PROXIES names the proxy in front (addresses or CIDR
// ranges, or proxy-addr's names: loopback, linklocal, uniquelocal) and the connection comes from it, the address
// is the rightmost entry of the forwarded chain that is not itself a trusted proxy: the one the proxy appended,
// not whatever the client put in front. AUTH_IP_HEADER names the header (x-forwarded-for by default; a proxy
// that sets a single-address header such as x-real-ip can be named instead).
import type { IncomingHttpHeaders } from "node:http";
import { isIP } from "node:net";
import proxyaddr from "proxy-addr";

export type AddressConfig = {
  trust: (address: string, hop: number) => boolean;
  header: string;
  trusting: boolean;
};

export function addressConfigFromEnv(env: Record<string, string | undefined> = process.env): AddressConfig {
  const list = (env.TRUSTED_PROXIES ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  return {
    trust: list.length ? proxyaddr.compile(list) : () => false,
    header: (env.AUTH_IP_HEADER ?? "x-forwarded-for").trim().toLowerCase(),
    trusting: list.length > 0,
  };
}

function firstHeader(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value.join(",") : value;
}

/** Strips an IPv4-mapped IPv6 prefix so ::ffff:192.0.2.1 and 192.0.2.1 are one client. */
function plain(address: string): string {
  return address.startsWith("::ffff:") && address.includes(".") ? address.slice(7) : address;
}

export function resolveClientAddress(
  socketAddress: string | undefined,
  headers: IncomingHttpHeaders,
  config: AddressConfig,
): string | null {
  if (!socketAddress) return null;
  if (!config.trusting || !config.trust(socketAddress, 0)) return plain(socketAddress);
  if (config.header === "x-forwarded-for") {
    // proxy-addr walks x-forwarded-for from the right, stopping at the first address it does not trust.
    const request = {
      headers,
      connection: { remoteAddress: socketAddress },
      socket: { remoteAddress: socketAddress },
    };
    return plain(proxyaddr(request as never, config.trust));
  }
  // A single-address header the trusted proxy overwrites (its last value if it appended).
  const value = firstHeader(headers, config.header)?.split(",").at(-1)?.trim();
  return value && isIP(value) ? plain(value) : plain(socketAddress);
}
