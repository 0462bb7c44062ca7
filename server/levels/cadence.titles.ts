// Titles of generated tasks (issue #12 §7): stored as a message key with parameters (catalog "system") and
// shown in the reader's language; the title column keeps the English rendering for search and exports.
// Here as SQL, because the cadence job inserts its tasks set-wise.
import { type SQL, sql } from "drizzle-orm";
import { englishText, type SystemText } from "@/lib/system-text";

export type TitleSql = { title: SQL; key: SQL; params: SQL };

/** Check-in after an order: names the order by its reference, or by its date when it has none. */
export function checkInTitleSql(): TitleSql {
  const order = sql`coalesce(o.external_ref, strftime('%Y-%m-%d', o.ordered_at / 1000, 'unixepoch'))`;
  const [before, after] = englishText({ key: "task.checkIn", params: { order: "\u0000" } }).split("\u0000");
  return {
    title: sql`${before ?? ""} || ${order} || ${after ?? ""}`,
    key: sql`${"task.checkIn"}`,
    params: sql`json_object('order', ${order})`,
  };
}

function fixed(text: SystemText): TitleSql {
  return {
    title: sql`${englishText(text)}`,
    key: sql`${text.key}`,
    params: sql`${JSON.stringify(text.params ?? {})}`,
  };
}

export const contactTitleSql = (everyDays: number) =>
  fixed({ key: "task.regularContact", params: { days: everyDays } });
export const reviewTitleSql = (everyDays: number) =>
  fixed({ key: "task.jointReview", params: { days: everyDays } });
