// Titles of generated tasks, in the assignee's language: a task title is stored text that the follow-ups list
// shows as is, so the job writes it the way the person who will do the task reads.
import { type SQL, sql } from "drizzle-orm";

type Titles = { en: SQL; zh: SQL };

/** A SQL CASE on the assignee's locale (users.locale of alias `u`). */
function byLocale(t: Titles): SQL {
  return sql`CASE WHEN u.locale = 'zh' THEN ${t.zh} ELSE ${t.en} END`;
}

/** Check-in after an order: names the order by its reference, or by its date when it has none. */
export function checkInTitleSql(): SQL {
  const order = sql`coalesce(o.external_ref, strftime('%Y-%m-%d', o.ordered_at / 1000, 'unixepoch'))`;
  return byLocale({
    en: sql`'Check-in call after order ' || ${order}`,
    zh: sql`'订单 ' || ${order} || ' 售后回访电话'`,
  });
}

export function contactTitleSql(everyDays: number): SQL {
  return byLocale({
    en: sql`${`Regular contact (every ${everyDays} days)`}`,
    zh: sql`${`定期联系（每 ${everyDays} 天）`}`,
  });
}

export function reviewTitleSql(everyDays: number): SQL {
  return byLocale({
    en: sql`${`Joint review with the customer (every ${everyDays} days)`}`,
    zh: sql`${`与客户共同回顾合作（每 ${everyDays} 天）`}`,
  });
}

export const WIN_BACK_TITLE = { en: "Win back this customer", zh: "赢回这位客户" } as const;
