// Which surveys go out by themselves (issue #13 §2): the relationship survey to contacts of active accounts
// on each level's schedule, and CSAT after a complaint is closed or a deal is won. Idempotent: each survey
// has a source key, and a contact is asked again only when its level's interval has passed.
import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { LEVELS, type Locale, type SurveyKind } from "@/db/schema";
import { inTransaction } from "@/db/transaction";
import { runInSlices } from "@/lib/slices";
import { outcomeSql } from "../complaints/dashboard.queries";
import { getSetting } from "../settings/settings.queries";
import { localeForName, SCHEDULE_MONTH_MS, type SurveySchedule } from "./survey.rules";
import { insertSurvey, type NewSurvey } from "./survey-send.queries";
import { surveysSettings } from "./surveys.settings";

const DAY = 86_400_000;
/** CSAT goes to complaints closed and deals won this recently (a first run does not survey old ones). */
export const CSAT_LOOKBACK_DAYS = 14;

export type ScheduleRun = { nps: number; complaints: number; deals: number };

function dayKey(now: number): string {
  return new Date(now).toISOString().slice(0, 10);
}

/** A contact due for the relationship survey, and the moment it became due. */
type DueContact = { contactId: number; name: string; email: string; accountId: number; dueAt: number };

/**
 * The next `limit` relationship surveys due as of `now`, longest overdue first (then by contact): contacts with an
 * address of active customers whose level has a schedule and who were last asked at least that long ago (or
 * never). Read from survey_due's index, one range per level, merged: nothing due costs a few index probes.
 */
function dueRelationship(db: Db, now: number, schedule: SurveySchedule, limit: number): DueContact[] {
  const heads = LEVELS.filter((l) => schedule[l] > 0).flatMap((level) => {
    const interval = schedule[level] * SCHEDULE_MONTH_MS;
    return db.all<DueContact>(
      sql`SELECT d.contact_id AS contactId, c.name, lower(c.email) AS email, c.account_id AS accountId,
          d.last_sent_at + ${interval} AS dueAt
        FROM survey_due d JOIN contacts c ON c.id = d.contact_id
        WHERE d.level = ${level} AND d.last_sent_at <= ${now - interval}
        ORDER BY d.last_sent_at, d.contact_id LIMIT ${limit}`,
    );
  });
  return heads.sort((a, b) => a.dueAt - b.dueAt || a.contactId - b.contactId).slice(0, limit);
}

/** Where a CSAT pass is in its window: the last complaint or deal looked at, by (closed_at, id). */
type Cursor = { at: number; id: number };
const START: Cursor = { at: Number.MIN_SAFE_INTEGER, id: 0 };

/**
 * Complaints and deals a CSAT slice looks at, at most: the window holds every one closed (won) in the last 14
 * days, most of them asked already, so a slice probes a bounded part of it for their surveys.
 */
export const CSAT_LOOKED_AT = 500;

/** The window's next CSAT_LOOKED_AT rows after `from`, as SQL giving their ids, and the last of them. */
function csatWindow(db: Db, table: "complaints" | "deals", now: number, from: Cursor) {
  const where = sql`${sql.raw(table === "deals" ? "status = 'won' AND " : "")}closed_at >= ${now - CSAT_LOOKBACK_DAYS * DAY}
    AND (closed_at, id) > (${from.at}, ${from.id})`;
  const last = db.get<Cursor | undefined>(
    sql`SELECT closed_at AS at, id FROM ${sql.raw(table)} WHERE ${where}
      ORDER BY closed_at, id LIMIT 1 OFFSET ${CSAT_LOOKED_AT - 1}`,
  );
  const ids = sql`SELECT id FROM ${sql.raw(table)} WHERE ${where} ORDER BY closed_at, id LIMIT ${CSAT_LOOKED_AT}`;
  return { ids, last };
}

function dueComplaintCsat(db: Db, now: number, limit: number, from: Cursor) {
  const window = csatWindow(db, "complaints", now, from);
  const due = db.all<{
    id: number;
    reference: string;
    accountId: number;
    contactId: number | null;
    name: string | null;
    email: string | null;
    locale: Locale;
    outcome: string | null;
    closedAt: number;
  }>(
    sql`SELECT c.id, c.reference, c.account_id AS accountId, c.contact_id AS contactId, ct.name,
        lower(coalesce(c.public_email, ct.email)) AS email, c.locale, ${outcomeSql(now)} AS outcome,
        c.closed_at AS closedAt
      FROM complaints c LEFT JOIN contacts ct ON ct.id = c.contact_id
      WHERE c.id IN (${window.ids})
        AND coalesce(c.public_email, ct.email) IS NOT NULL
        AND NOT EXISTS (SELECT 1 FROM surveys s WHERE s.source_key = 'csat:complaint:' || c.id)
      ORDER BY c.closed_at, c.id LIMIT ${limit}`,
  );
  return { due, last: window.last };
}

function dueDealCsat(db: Db, now: number, limit: number, from: Cursor) {
  const window = csatWindow(db, "deals", now, from);
  const due = db.all<{
    id: number;
    accountId: number;
    contactId: number | null;
    name: string | null;
    email: string | null;
    closedAt: number;
  }>(
    sql`SELECT d.id, d.account_id AS accountId, ct.id AS contactId, ct.name, lower(ct.email) AS email,
        d.closed_at AS closedAt
      FROM deals d
      JOIN contacts ct ON ct.id = (SELECT x.id FROM contacts x WHERE x.account_id = d.account_id
        AND x.email IS NOT NULL AND x.email <> '' ORDER BY x.id LIMIT 1)
      WHERE d.id IN (${window.ids})
        AND NOT EXISTS (SELECT 1 FROM surveys s WHERE s.source_key = 'csat:deal:' || d.id)
      ORDER BY d.closed_at, d.id LIMIT ${limit}`,
  );
  return { due, last: window.last };
}

/**
 * Where a CSAT pass goes after a slice sent `due` of at most `room`: on from the last one sent when the slice was
 * full (the rest of what it looked at comes again), else past everything it looked at; null when that was the
 * window's end.
 */
function nextCursor(due: { id: number; closedAt: number }[], room: number, last: Cursor | undefined) {
  const sent = due.at(-1);
  if (due.length === room && sent) return { at: sent.closedAt, id: sent.id };
  return last ?? null;
}

/** What one run sends as of `now`: at most `limit` of each kind, with the settings read once at its start. */
type RunPlan = {
  now: number;
  limit: number;
  schedule: SurveySchedule;
  csat: { afterComplaint: boolean; afterDeal: boolean };
  /** The kind the run is at (KINDS' order: the relationship survey, then CSAT after complaints, after deals). */
  kind: number;
  /** Where the kind's pass is (CSAT); null when it has seen everything due. */
  from: Cursor | null;
  run: ScheduleRun;
};

function planRun(db: Db, opts: { now?: number; limit?: number }): RunPlan {
  return {
    now: opts.now ?? Date.now(),
    limit: opts.limit ?? 500,
    schedule: getSetting(db, surveysSettings.surveySchedule),
    csat: getSetting(db, surveysSettings.surveyCsat),
    kind: 0,
    from: START,
    run: { nps: 0, complaints: 0, deals: 0 },
  };
}

/** Who a scheduled survey goes to: a due row's account and contact. */
type Recipient = { accountId: number; contactId: number | null; name: string | null; email: string | null };

/** A scheduled survey (no one sends it) to a due row's contact. */
function scheduled(kind: SurveyKind, r: Recipient, locale: Locale, sourceKey: string): NewSurvey {
  const { accountId, contactId, name: contactName, email } = r;
  return { kind, accountId, contactId, contactName, email, locale, sourceKey, sentById: null };
}

function sendAll(db: Db, plan: RunPlan, surveys: NewSurvey[]): number {
  for (const s of surveys) insertSurvey(db, s, plan.now);
  return surveys.length;
}

function sendRelationship(db: Db, plan: RunPlan, n: number): number {
  const due = dueRelationship(db, plan.now, plan.schedule, n);
  // What was sent is no longer due (survey_due moves on): the next slice starts from the head again.
  if (due.length < n) plan.from = null;
  const key = dayKey(plan.now);
  return sendAll(
    db,
    plan,
    due.map((r) => scheduled("nps", r, localeForName(r.name), `nps:${r.contactId}:${key}`)),
  );
}

/** Sends a CSAT slice's due rows and moves the pass on (nextCursor). */
function sendCsat<T extends { id: number; closedAt: number }>(
  db: Db,
  plan: RunPlan,
  n: number,
  found: { due: T[]; last: Cursor | undefined },
  survey: (row: T) => NewSurvey,
): number {
  plan.from = nextCursor(found.due, n, found.last);
  return sendAll(db, plan, found.due.map(survey));
}

function sendComplaintCsat(db: Db, plan: RunPlan, n: number): number {
  return sendCsat(db, plan, n, dueComplaintCsat(db, plan.now, n, plan.from ?? START), (c) => ({
    ...scheduled("csat_complaint", c, c.locale, `csat:complaint:${c.id}`),
    complaintId: c.id,
    complaintReference: c.reference,
    complaintOutcome: c.outcome,
  }));
}

function sendDealCsat(db: Db, plan: RunPlan, n: number): number {
  return sendCsat(db, plan, n, dueDealCsat(db, plan.now, n, plan.from ?? START), (d) => ({
    ...scheduled("csat_deal", d, localeForName(d.name), `csat:deal:${d.id}`),
    dealId: d.id,
  }));
}

const KINDS = [
  { key: "nps", on: () => true, send: sendRelationship },
  { key: "complaints", on: (p: RunPlan) => p.csat.afterComplaint, send: sendComplaintCsat },
  { key: "deals", on: (p: RunPlan) => p.csat.afterDeal, send: sendDealCsat },
] as const;

/**
 * Sends up to `size` surveys of the kind the run is at, in one write transaction, and moves to the next kind
 * when this one has nothing more due (or its room in the run is spent). Returns whether anything may be left.
 */
function sendSlice(db: Db, plan: RunPlan, size: number): boolean {
  const kind = KINDS[plan.kind];
  if (!kind) return false;
  const room = Math.min(size, plan.limit - plan.run[kind.key]);
  if (kind.on(plan) && room > 0) plan.run[kind.key] += inTransaction(db, (t) => kind.send(t, plan, room));
  else plan.from = null;
  if (plan.from === null || plan.run[kind.key] >= plan.limit) {
    plan.kind += 1;
    plan.from = START;
  }
  return plan.kind < KINDS.length;
}

/** Surveys sent per write transaction by the job: a slice holds the server's thread for a few milliseconds. */
export const SURVEY_SLICE = 3;

/** Sends what is due, at most `limit` of each kind per run (the rest goes on the next run), in one transaction. */
export function sendDueSurveys(db: Db, opts: { now?: number; limit?: number } = {}): ScheduleRun {
  const plan = planRun(db, opts);
  inTransaction(db, (t) => {
    while (sendSlice(t, plan, plan.limit)) {}
  });
  return plan.run;
}

/**
 * The same run as sendDueSurveys, `slice` surveys per write transaction, yielding to the event loop between
 * slices (what the job runs). Each survey and its invitation are written together or not at all.
 */
export async function sendDueSurveysInSlices(
  db: Db,
  opts: { now?: number; limit?: number; slice?: number; pause?: () => Promise<void> } = {},
): Promise<ScheduleRun> {
  const plan = planRun(db, opts);
  await runInSlices(() => sendSlice(db, plan, opts.slice ?? SURVEY_SLICE), opts.pause);
  return plan.run;
}
