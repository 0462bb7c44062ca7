import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { type Locale, users } from "@/db/schema";
import { recordAudit } from "../audit/audit.queries";

export function setUserLocale(db: Db, userId: string, locale: Locale): void {
  db.transaction((tx) => {
    const before = tx.select({ locale: users.locale }).from(users).where(eq(users.id, userId)).get();
    tx.update(users).set({ locale }).where(eq(users.id, userId)).run();
    recordAudit(tx as unknown as Db, {
      actorId: userId,
      action: "user.set_locale",
      entity: "user",
      entityId: userId,
      before: before ?? null,
      after: { locale },
    });
  });
}
