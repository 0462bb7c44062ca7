// Reading feedback: one piece with what this person may do, an account's (its page's card), and the lists
// (everything newest first; waiting for action by due date; mine), keyset-paginated on an index each.
import { type SQL, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import type { CustomerInterface, FeedbackChannel } from "@/db/schema";
import { type Actor, canHandleFeedback, canRecordComplaint } from "../auth/permissions";
import { notFound } from "../errors";
import { getSetting } from "../settings/settings.queries";
import { localeForName } from "../surveys/survey.rules";
import { ACTION_OWNER_ROLES } from "./feedback.queries";
import { feedbackActions } from "./feedback.rules";
import type { FeedbackListInput } from "./feedback.schemas";
import { feedbackSettings } from "./feedback.settings";
import { CATEGORY_FOR_THEME } from "./feedback-complaint.queries";

type Row = {
  id: number;
  accountId: number;
  accountName: string;
  accountOwnerId: string | null;
  contactId: number | null;
  contactName: string | null;
  contactEmail: string | null;
  words: string;
  interface: CustomerInterface;
  channel: FeedbackChannel;
  sentiment: "praise" | "suggestion" | "problem";
  theme: string;
  receivedAt: number;
  recordedByName: string;
  status: "noted" | "open" | "closed";
  actionOwnerId: string | null;
  actionOwnerName: string | null;
  actionDueAt: number | null;
  closedAt: number | null;
  resolution: string | null;
  customerToldAt: number | null;
  complaintId: number | null;
  complaintReference: string | null;
};

const COLUMNS = sql`f.id, f.account_id AS accountId, a.name AS accountName, a.owner_id AS accountOwnerId,
  f.contact_id AS contactId, c.name AS contactName, c.email AS contactEmail, f.words, f.interface, f.channel,
  f.sentiment, f.theme, f.received_at AS receivedAt, r.name AS recordedByName, f.status,
  f.action_owner_id AS actionOwnerId, o.name AS actionOwnerName, f.action_due_at AS actionDueAt,
  f.closed_at AS closedAt, f.resolution, f.customer_told_at AS customerToldAt, f.complaint_id AS complaintId,
  k.reference AS complaintReference`;
const JOINS = sql`JOIN accounts a ON a.id = f.account_id
  LEFT JOIN contacts c ON c.id = f.contact_id
  JOIN users r ON r.id = f.recorded_by_id
  LEFT JOIN users o ON o.id = f.action_owner_id
  LEFT JOIN complaints k ON k.id = f.complaint_id`;

function present(actor: Actor, r: Row) {
  const { accountOwnerId, contactEmail, ...rest } = r;
  const account = { ownerId: accountOwnerId };
  const can = canHandleFeedback(actor, account, r.actionOwnerId);
  const actions = can
    ? feedbackActions({ ...r, hasEmail: !!contactEmail }).filter(
        (a) => a !== "toComplaint" || canRecordComplaint(actor, account),
      )
    : r.sentiment === "problem" && r.complaintId === null && canRecordComplaint(actor, account)
      ? (["toComplaint"] as const)
      : [];
  return { ...rest, hasEmail: !!contactEmail, actions: [...actions] };
}

/** One piece of feedback, the actions this person may take, and what the forms start from. */
export function getFeedback(db: Db, actor: Actor, id: number) {
  const row = db.get<Row>(sql`SELECT ${COLUMNS} FROM feedback f ${JOINS} WHERE f.id = ${id}`);
  if (!row) throw notFound("Feedback");
  return {
    ...present(actor, row),
    contactEmail: row.contactEmail,
    suggestedCategory: CATEGORY_FOR_THEME[row.theme] ?? "other",
    suggestedLocale: localeForName(row.contactName),
  };
}

export const ACCOUNT_FEEDBACK_SHOWN = 50;

export function listAccountFeedback(db: Db, actor: Actor, accountId: number) {
  const rows = db.all<Row>(
    sql`SELECT ${COLUMNS} FROM feedback f INDEXED BY feedback_account_idx ${JOINS}
      WHERE f.account_id = ${accountId} ORDER BY f.received_at DESC, f.id DESC LIMIT ${ACCOUNT_FEEDBACK_SHOWN}`,
  );
  return { items: rows.map((r) => present(actor, r)) };
}

/** LIKE pattern for words the customer used (case-insensitive for Latin letters; Chinese matches as typed). */
function likeOf(q: string): string {
  return `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * The feedback lists. "all": newest first (on the sentiment or theme index when filtered by one). "waiting":
 * feedback with an owner and a due date, soonest due first. "mine": the same, given to me.
 */
export function listFeedback(db: Db, actor: Actor, input: FeedbackListInput) {
  const parts: SQL[] = [];
  let from: SQL;
  let order: SQL;
  let cursorAt: (r: Row) => number;
  if (input.view === "all") {
    from = input.sentiment
      ? sql`feedback f INDEXED BY feedback_sentiment_idx`
      : input.theme
        ? sql`feedback f INDEXED BY feedback_theme_idx`
        : sql`feedback f INDEXED BY feedback_received_idx`;
    if (input.cursor) parts.push(sql`(f.received_at, f.id) < (${input.cursor.at}, ${input.cursor.id})`);
    order = sql`f.received_at DESC, f.id DESC`;
    cursorAt = (r) => r.receivedAt;
  } else {
    from =
      input.view === "mine"
        ? sql`feedback f INDEXED BY feedback_owner_open_idx`
        : sql`feedback f INDEXED BY feedback_open_idx`;
    parts.push(sql`f.status = 'open'`);
    if (input.view === "mine") parts.push(sql`f.action_owner_id = ${actor.id}`);
    if (input.cursor) parts.push(sql`(f.action_due_at, f.id) > (${input.cursor.at}, ${input.cursor.id})`);
    order = sql`f.action_due_at, f.id`;
    cursorAt = (r) => r.actionDueAt ?? 0;
  }
  if (input.sentiment) parts.push(sql`f.sentiment = ${input.sentiment}`);
  if (input.theme) parts.push(sql`f.theme = ${input.theme}`);
  if (input.interface) parts.push(sql`f.interface = ${input.interface}`);
  if (input.q) parts.push(sql`f.words LIKE ${likeOf(input.q)} ESCAPE '\\'`);
  const where = parts.length ? sql`WHERE ${sql.join(parts, sql` AND `)}` : sql``;
  const rows = db.all<Row>(
    sql`SELECT ${COLUMNS} FROM ${from} ${JOINS} ${where} ORDER BY ${order} LIMIT ${input.limit + 1}`,
  );
  const items = rows.slice(0, input.limit).map((r) => present(actor, r));
  const last = rows.length > input.limit ? rows[input.limit - 1] : undefined;
  return { items, nextCursor: last ? { at: cursorAt(last), id: last.id } : null };
}

/** What the record form offers: the themes from settings and who can be given feedback to act on. */
export function feedbackOptions(db: Db) {
  const roles = sql.join(
    ACTION_OWNER_ROLES.map((r) => sql`${r}`),
    sql`, `,
  );
  const owners = db.all<{ id: string; name: string; role: string }>(
    sql`SELECT id, name, role FROM users WHERE active = 1 AND role IN (${roles}) ORDER BY name, id`,
  );
  return { themes: getSetting(db, feedbackSettings.feedbackThemes), owners };
}
