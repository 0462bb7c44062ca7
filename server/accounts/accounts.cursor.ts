// Opaque keyset cursors for the accounts list: the sort value and id of the last row served.
import { TRPCError } from "@trpc/server";
import type { AccountSort } from "./accounts.schemas";

export type AccountCursor = { s: AccountSort; v: string | number | null; id: number };

export function encodeCursor(cursor: AccountCursor): string {
  return Buffer.from(JSON.stringify(cursor)).toString("base64url");
}

/** Decodes a cursor made for this sort; anything else is the client's mistake, not a server error. */
export function decodeCursor(raw: string, sort: AccountSort): AccountCursor {
  const bad = () => new TRPCError({ code: "BAD_REQUEST", message: "cursor: not a valid page cursor" });
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(raw, "base64url").toString("utf8"));
  } catch {
    throw bad();
  }
  const c = parsed as Partial<AccountCursor> | null;
  if (!c || c.s !== sort || !Number.isInteger(c.id)) throw bad();
  const expected = sort === "name" ? "string" : "number";
  if (!(typeof c.v === expected || (sort === "lastOrder" && c.v === null))) throw bad();
  return c as AccountCursor;
}
