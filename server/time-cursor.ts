// Opaque keyset cursors for lists ordered by a time and an id (an account's orders, the deals list).
import { FieldError } from "./errors";

export type TimeCursor = { at: number; id: number };

export function encodeTimeCursor(cursor: TimeCursor): string {
  return Buffer.from(JSON.stringify({ at: cursor.at, id: cursor.id })).toString("base64url");
}

/** Anything but a cursor this list made is the client's mistake: a field error, not a server error. */
export function decodeTimeCursor(raw: string): TimeCursor {
  try {
    const c = JSON.parse(Buffer.from(raw, "base64url").toString("utf8")) as TimeCursor;
    if (Number.isInteger(c.at) && Number.isInteger(c.id)) return c;
  } catch {}
  throw new FieldError("BAD_REQUEST", { cursor: ["Not a valid page cursor."] });
}
