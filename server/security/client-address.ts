// The client's address as the HTTP server saw it. The server in front of Next (scripts/serve.ts) works it out
// from the connection (and, only behind a configured trusted proxy, from the address that proxy appended; see
// resolve-address.ts) and passes it on in CLIENT_ADDRESS_HEADER, replacing whatever a client sent under that
// name. Everything that limits by address reads it here.
export const CLIENT_ADDRESS_HEADER = "x-ladder-client-address";

export function clientAddressOf(headers: Headers): string | null {
  return headers.get(CLIENT_ADDRESS_HEADER)?.trim() || null;
}
