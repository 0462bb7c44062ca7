// Reading surveys: an account's (its page's card) and the answers list (loops waiting to be closed, oldest
// first; all answers, newest first), keyset-paginated.
import { eq, type SQL, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { preparedPerDb } from "@/db/prepared";
import { type AnswerClass, accounts } from "@/db/schema";
import { type Actor, canHandleFeedback } from "../auth/permissions";
import { notFound } from "../errors";
import { linkState } from "./survey.rules";
import type { SurveyListInput } from "./surveys.schemas";

export const ACCOUNT_SURVEYS_SHOWN = 50;

type Row = {
  id: number;
  kind: "nps" | "csat_complaint" | "csat_deal";
  accountId: number;
  accountName: string;
  contactName: string | null;
  sentAt: number;
  expiresAt: number;
  answeredAt: number | null;
  score: number | null;
  answerClass: AnswerClass | null;
  comment: string | null;
  followUpTaskId: number | null;
  followUpDueAt: number | null;
  followUpAssigneeId: string | null;
  followUpAssigneeName: string | null;
  loopClosedAt: number | null;
  loopNote: string | null;
  ownerId: string | null;
  byEmail: number;
};

const COLUMNS = sql`s.id, s.kind, s.account_id AS accountId, a.name AS accountName, c.name AS contactName,
  s.sent_at AS sentAt, s.expires_at AS expiresAt, s.answered_at AS answeredAt, s.score,
  s.answer_class AS answerClass, s.comment, s.follow_up_task_id AS followUpTaskId, t.due_at AS followUpDueAt,
  t.assignee_id AS followUpAssigneeId, u.name AS followUpAssigneeName, s.loop_closed_at AS loopClosedAt,
  s.loop_note AS loopNote, a.owner_id AS ownerId, s.email IS NOT NULL AS byEmail`;
const JOINS = sql`JOIN accounts a ON a.id = s.account_id
  LEFT JOIN contacts c ON c.id = s.contact_id
  LEFT JOIN tasks t ON t.id = s.follow_up_task_id
  LEFT JOIN users u ON u.id = t.assignee_id`;

function present(actor: Actor, r: Row, now: number) {
  const { ownerId, followUpAssigneeId, byEmail, ...rest } = r;
  return {
    ...rest,
    byEmail: byEmail === 1,
    state: linkState(r, now),
    canCloseLoop:
      r.followUpTaskId !== null &&
      r.loopClosedAt === null &&
      canHandleFeedback(actor, { ownerId }, followUpAssigneeId),
  };
}

const accountOwner = preparedPerDb((db) =>
  db
    .select({ id: accounts.id, ownerId: accounts.ownerId })
    .from(accounts)
    .where(eq(accounts.id, sql.placeholder("id")))
    .prepare(),
);

/** The account's surveys, newest first, with what this person may do (send one, close a loop). */
export function listAccountSurveys(db: Db, actor: Actor, accountId: number, now = Date.now()) {
  const account = accountOwner(db).get({ id: accountId });
  if (!account) throw notFound("Account");
  const rows = db.all<Row>(
    sql`SELECT ${COLUMNS} FROM surveys s INDEXED BY surveys_account_idx ${JOINS}
      WHERE s.account_id = ${accountId} ORDER BY s.sent_at DESC, s.id DESC LIMIT ${ACCOUNT_SURVEYS_SHOWN}`,
  );
  return {
    items: rows.map((r) => present(actor, r, now)),
    canSend: canHandleFeedback(actor, account),
  };
}

/**
 * The answers list. "loop": answers whose loop is still open, oldest answer first (mine: follow-ups assigned
 * to me). "answers": every answer, newest first, optionally of one kind and class (mine: my accounts').
 */
export function listSurveyAnswers(db: Db, actor: Actor, input: SurveyListInput, now = Date.now()) {
  const limit = input.limit;
  const parts: SQL[] = [];
  let from: SQL;
  let order: SQL;
  if (input.view === "loop") {
    from = sql`surveys s INDEXED BY surveys_loop_open_idx`;
    parts.push(sql`s.follow_up_task_id IS NOT NULL AND s.loop_closed_at IS NULL`);
    if (input.mine) parts.push(sql`t.assignee_id = ${actor.id}`);
    if (input.cursor) {
      parts.push(sql`(s.answered_at, s.id) > (${input.cursor.at}, ${input.cursor.id})`);
    }
    order = sql`s.answered_at, s.id`;
  } else {
    from = sql`surveys s INDEXED BY surveys_answered_idx`;
    parts.push(sql`s.answered_at IS NOT NULL`);
    if (input.mine) parts.push(sql`a.owner_id = ${actor.id}`);
    if (input.cursor) {
      parts.push(sql`(s.answered_at, s.id) < (${input.cursor.at}, ${input.cursor.id})`);
    }
    order = sql`s.answered_at DESC, s.id DESC`;
  }
  if (input.kind) parts.push(sql`s.kind = ${input.kind}`);
  if (input.answerClass) parts.push(sql`s.answer_class = ${input.answerClass}`);
  const rows = db.all<Row>(
    sql`SELECT ${COLUMNS} FROM ${from} ${JOINS} WHERE ${sql.join(parts, sql` AND `)}
      ORDER BY ${order} LIMIT ${limit + 1}`,
  );
  const items = rows.slice(0, limit).map((r) => present(actor, r, now));
  const last = rows.length > limit ? rows[limit - 1] : undefined;
  return {
    items,
    nextCursor: last ? { at: last.answeredAt ?? 0, id: last.id } : null,
  };
}
