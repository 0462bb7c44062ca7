// One HTTP POST to a webhook endpoint, refusing private addresses at connect time: the host name is resolved
// here and every address it resolves to is checked (a public name that points inside the network is refused
// too, and the checked address is the one connected to). Redirects are not followed. Node's own http client:
// no dependency, and its `lookup` hook is where the check belongs.
import { lookup as dnsLookup, type LookupAddress } from "node:dns";
import http from "node:http";
import https from "node:https";
import { isIP, type LookupFunction } from "node:net";
import { isPrivateAddress } from "./webhooks.rules";

export type SendResult = { status: number | null; body: string };
export type SendOptions = { allowPrivate: boolean; timeoutMs: number };
export type Sender = (
  url: string,
  body: string,
  headers: Record<string, string>,
  options: SendOptions,
) => Promise<SendResult>;

const BODY_KEPT = 1_000;

class BlockedAddress extends Error {}

export const postJson: Sender = (url, body, headers, options) =>
  new Promise((resolve) => {
    let target: URL;
    try {
      target = new URL(url);
    } catch {
      resolve({ status: null, body: "invalid URL" });
      return;
    }
    const host = target.hostname.replace(/^\[|\]$/g, "");
    if (!options.allowPrivate && isIP(host) && isPrivateAddress(host)) {
      resolve({ status: null, body: `refused: ${host} is a private or loopback address` });
      return;
    }
    const lookup: LookupFunction = (hostname, lookupOptions, callback) => {
      dnsLookup(hostname, { ...lookupOptions, all: true }, (error, found) => {
        if (error) return callback(error, "", 0);
        const addresses = found as unknown as LookupAddress[];
        const bad = options.allowPrivate ? undefined : addresses.find((a) => isPrivateAddress(a.address));
        if (bad) {
          return callback(
            new BlockedAddress(
              `refused: ${hostname} resolves to ${bad.address}, a private or loopback address`,
            ),
            "",
            0,
          );
        }
        if (lookupOptions.all) return (callback as (e: null, a: LookupAddress[]) => void)(null, addresses);
        const first = addresses[0] as LookupAddress;
        callback(null, first.address, first.family);
      });
    };
    const client = target.protocol === "https:" ? https : http;
    const request = client.request(
      target,
      {
        method: "POST",
        headers: { ...headers, "content-length": Buffer.byteLength(body).toString() },
        lookup,
        timeout: options.timeoutMs,
      },
      (response) => {
        let kept = "";
        response.setEncoding("utf8");
        response.on("data", (chunk: string) => {
          if (kept.length < BODY_KEPT) kept += chunk.slice(0, BODY_KEPT - kept.length);
        });
        response.on("end", () => resolve({ status: response.statusCode ?? null, body: kept }));
        response.on("error", () => resolve({ status: response.statusCode ?? null, body: kept }));
      },
    );
    request.on("timeout", () => request.destroy(new Error(`no answer within ${options.timeoutMs / 1000} s`)));
    request.on("error", (error) => {
      const code = (error as NodeJS.ErrnoException).code;
      resolve({
        status: null,
        body: error instanceof BlockedAddress ? error.message : `${code ?? "error"}: ${error.message}`,
      });
    });
    request.end(body);
  });
