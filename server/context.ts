import type { Db } from "@/db/client";
import type { Locale, Role } from "@/db/schema";

export type SessionUser = {
  id: string;
  name: string;
  email: string;
  role: Role;
  locale: Locale;
};

export type Context = {
  db: Db;
  user: SessionUser | null;
  /** Response headers the procedure may set (the fetch adapter's resHeaders). */
  resHeaders?: Headers;
  /** The client's address, for rate limits on public procedures (server/security/client-address.ts). */
  clientIp?: string | null;
  /** The request's headers, for better-auth calls made on the signed-in user's behalf (its session cookie). */
  headers?: Headers;
};
