// Which surveys go out by themselves (issue #13 §2): the relationship survey to contacts of active accounts
// on each level's schedule, and CSAT after a complaint is closed or a deal is won. Idempotent: each survey
// has a source key, and a contact is asked again only when its level's interval has passed.
import { type SQL, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { LEVELS, type Locale } from "@/db/schema";
import { inTransaction } from "@/db/transaction";
import { outcomeSql } from "../complaints/dashboard.queries";
import { getSetting } from "../settings/settings.queries";
import { localeForName, SCHEDULE_MONTH_MS } from "./survey.rules";
import { insertSurvey } from "./survey-send.queries";
import { surveysSettings } from "./surveys.settings";

const DAY = 86_400_000;
/** CSAT goes to complaints closed and deals won this recently (a first run does not survey old ones). */
export const CSAT_LOOKBACK_DAYS = 14;

export type ScheduleRun = { nps: number; complaints: number; deals: number };

function dayKey(now: number): string {
  return new Date(now).toISOString().slice(0, 10);
}

/** Relationship surveys due now: contacts with an address, of active customers whose level has a schedule. */
function dueRelationship(db: Db, now: number, limit: number) {
  const schedule = getSetting(db, surveysSettings.surveySchedule);
  const levels = LEVELS.filter((l) => schedule[l] > 0);
  if (!levels.length) return [];
  const dueBefore: SQL = sql`CASE a.level ${sql.join(
    levels.map((l) => sql`WHEN ${l} THEN ${now - schedule[l] * SCHEDULE_MONTH_MS}`),
    sql` `,
  )} END`;
  return db.all<{ contactId: number; name: string; email: string; accountId: number }>(
    sql`SELECT c.id AS contactId, c.name, lower(c.email) AS email, a.id AS accountId
      FROM accounts a JOIN contacts c ON c.account_id = a.id
      WHERE a.status = 'active' AND a.order_count > 0
        AND a.level IN (${sql.join(
          levels.map((l) => sql`${l}`),
          sql`, `,
        )})
        AND c.email IS NOT NULL AND c.email <> ''
        AND coalesce((SELECT max(s.sent_at) FROM surveys s WHERE s.contact_id = c.id AND s.kind = 'nps'), 0)
          <= ${dueBefore}
      ORDER BY a.id, c.id LIMIT ${limit}`,
  );
}

function dueComplaintCsat(db: Db, now: number, limit: number) {
  return db.all<{
    id: number;
    reference: string;
    accountId: number;
    contactId: number | null;
    name: string | null;
    email: string | null;
    locale: Locale;
    outcome: string | null;
  }>(
    sql`SELECT c.id, c.reference, c.account_id AS accountId, c.contact_id AS contactId, ct.name,
        lower(coalesce(c.public_email, ct.email)) AS email, c.locale, ${outcomeSql(now)} AS outcome
      FROM complaints c LEFT JOIN contacts ct ON ct.id = c.contact_id
      WHERE c.closed_at >= ${now - CSAT_LOOKBACK_DAYS * DAY}
        AND coalesce(c.public_email, ct.email) IS NOT NULL
        AND NOT EXISTS (SELECT 1 FROM surveys s WHERE s.source_key = 'csat:complaint:' || c.id)
      ORDER BY c.closed_at LIMIT ${limit}`,
  );
}

function dueDealCsat(db: Db, now: number, limit: number) {
  return db.all<{
    id: number;
    accountId: number;
    contactId: number | null;
    name: string | null;
    email: string | null;
  }>(
    sql`SELECT d.id, d.account_id AS accountId, ct.id AS contactId, ct.name, lower(ct.email) AS email
      FROM deals d
      JOIN contacts ct ON ct.id = (SELECT x.id FROM contacts x WHERE x.account_id = d.account_id
        AND x.email IS NOT NULL AND x.email <> '' ORDER BY x.id LIMIT 1)
      WHERE d.status = 'won' AND d.closed_at >= ${now - CSAT_LOOKBACK_DAYS * DAY}
        AND NOT EXISTS (SELECT 1 FROM surveys s WHERE s.source_key = 'csat:deal:' || d.id)
      ORDER BY d.closed_at LIMIT ${limit}`,
  );
}

/** Sends what is due, at most `limit` of each kind per run (the rest goes on the next run). */
export function sendDueSurveys(db: Db, opts: { now?: number; limit?: number } = {}): ScheduleRun {
  const now = opts.now ?? Date.now();
  const limit = opts.limit ?? 500;
  const csat = getSetting(db, surveysSettings.surveyCsat);
  return inTransaction(db, (t) => {
    const run: ScheduleRun = { nps: 0, complaints: 0, deals: 0 };
    for (const r of dueRelationship(t, now, limit)) {
      insertSurvey(
        t,
        {
          kind: "nps",
          accountId: r.accountId,
          contactId: r.contactId,
          contactName: r.name,
          email: r.email,
          locale: localeForName(r.name),
          sourceKey: `nps:${r.contactId}:${dayKey(now)}`,
          sentById: null,
        },
        now,
      );
      run.nps += 1;
    }
    if (csat.afterComplaint) {
      for (const c of dueComplaintCsat(t, now, limit)) {
        insertSurvey(
          t,
          {
            kind: "csat_complaint",
            accountId: c.accountId,
            contactId: c.contactId,
            contactName: c.name,
            email: c.email,
            locale: c.locale,
            sourceKey: `csat:complaint:${c.id}`,
            complaintId: c.id,
            complaintReference: c.reference,
            complaintOutcome: c.outcome,
            sentById: null,
          },
          now,
        );
        run.complaints += 1;
      }
    }
    if (csat.afterDeal) {
      for (const d of dueDealCsat(t, now, limit)) {
        insertSurvey(
          t,
          {
            kind: "csat_deal",
            accountId: d.accountId,
            contactId: d.contactId,
            contactName: d.name,
            email: d.email,
            locale: localeForName(d.name),
            sourceKey: `csat:deal:${d.id}`,
            dealId: d.id,
            sentById: null,
          },
          now,
        );
        run.deals += 1;
      }
    }
    return run;
  });
}
