// Writes the demo listening data (db/seed/listening.ts plans) with prepared statements, one account at a time
// inside the seed's batch transaction: surveys with their close-the-loop tasks, feedback with its action
// tasks, the referral, and a proposed advocate move for a recent promoter.
import type Database from "better-sqlite3";
import { type SystemText, systemTitle } from "@/lib/system-text";
import { SUGGEST_FROM } from "@/server/advocates/advocate.rules";
import type { AccountHistory } from "./history";
import { DAY } from "./history";
import type { FeedbackPlan, SurveyPlan } from "./listening";

export type ListeningCounts = {
  surveys: number;
  answers: number;
  loops: number;
  feedback: number;
  referrals: number;
  proposals: number;
};

export function createListeningWriter(sqlite: Database.Database, now: number) {
  const task = sqlite.prepare(
    `INSERT INTO tasks (account_id, assignee_id, due_at, title, title_key, title_params, done_at, kind, source_key,
       created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const survey = sqlite.prepare(
    `INSERT INTO surveys (kind, token, account_id, contact_id, email, locale, source_key, complaint_id, deal_id,
       complaint_outcome, owner_id, rung, level, segment, sent_at, expires_at, answered_at, score, comment,
       follow_up_task_id, loop_closed_at, loop_closed_by_id, loop_note, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const feedback = sqlite.prepare(
    `INSERT INTO feedback (account_id, contact_id, words, interface, channel, sentiment, theme, received_at,
       recorded_by_id, status, action_owner_id, action_due_at, task_id, action_at, closed_at, closed_by_id,
       resolution, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const taskSource = sqlite.prepare("UPDATE tasks SET source_key = ? WHERE id = ?");
  const referral = sqlite.prepare("UPDATE accounts SET referred_by_account_id = ? WHERE id = ?");
  const evidence = sqlite.prepare(
    `INSERT INTO ladder_evidence (account_id, kind, target_rung, details, observed_at, recorded_by_id, recorded_at,
       status) VALUES (?, 'promoter_score', 'advocate', ?, ?, NULL, ?, 'proposed')`,
  );
  const complaintsOf = sqlite.prepare(
    `SELECT id, reference, closed_at AS closedAt, contact_id AS contactId, public_email AS email, locale,
       CASE WHEN resolved_at IS NOT NULL AND resolved_at <= resolve_due_at THEN 'resolved_quickly'
         WHEN resolved_at IS NOT NULL THEN 'resolved'
         WHEN acknowledged_at IS NULL THEN 'unacknowledged' ELSE 'unresolved' END AS outcome
     FROM complaints WHERE account_id = ? AND closed_at IS NOT NULL ORDER BY id`,
  );
  const wonDealsOf = sqlite.prepare(
    "SELECT id, closed_at AS closedAt FROM deals WHERE account_id = ? AND status = 'won' ORDER BY id",
  );
  const counts: ListeningCounts = {
    surveys: 0,
    answers: 0,
    loops: 0,
    feedback: 0,
    referrals: 0,
    proposals: 0,
  };
  const insertTask = (p: {
    accountId: number;
    assigneeId: string;
    dueAt: number;
    /** System-written (issue #12 §7): a message key with its parameters, shown in the reader's language. */
    title: SystemText;
    doneAt: number | null;
    kind: string;
    sourceKey: string | null;
    createdAt: number;
  }) => {
    const t = systemTitle(p.title);
    return Number(
      task.run(
        p.accountId,
        p.assigneeId,
        p.dueAt,
        t.title,
        t.titleKey,
        t.titleParams,
        p.doneAt,
        p.kind,
        p.sourceKey,
        p.createdAt,
      ).lastInsertRowid,
    );
  };

  return {
    counts,
    /** What the listening generator needs from rows the seed wrote before it for this account. */
    readAccount(accountId: number) {
      return {
        complaints: complaintsOf.all(accountId) as {
          id: number;
          reference: string;
          closedAt: number;
          contactId: number | null;
          email: string | null;
          locale: "en" | "zh";
          outcome: string;
        }[],
        wonDeals: wonDealsOf.all(accountId) as { id: number; closedAt: number }[],
      };
    },
    write(
      h: AccountHistory,
      p: {
        surveys: readonly SurveyPlan[];
        feedback: readonly FeedbackPlan[];
        referrerId: number | null;
        contactNames: ReadonlyMap<number, string>;
      },
    ) {
      const a = h.account;
      let lastPromoter: { id: number; plan: SurveyPlan } | null = null;
      for (const s of p.surveys) {
        let taskId: number | null = null;
        if (s.loop && s.score !== null && s.answeredAt !== null) {
          const who = (s.contactId !== null ? p.contactNames.get(s.contactId) : null) ?? a.name;
          taskId = insertTask({
            accountId: a.id,
            assigneeId: s.loop.assigneeId,
            dueAt: s.loop.dueAt,
            title: {
              key: s.kind === "nps" ? "task.closeLoopNps" : "task.closeLoopCsat",
              params: { who, score: s.score, max: s.kind === "nps" ? 10 : 5 },
            },
            doneAt: s.loop.closedAt,
            kind: "close_loop",
            sourceKey: null,
            createdAt: s.answeredAt,
          });
          counts.loops += 1;
        }
        const id = Number(
          survey.run(
            s.kind,
            s.token,
            s.accountId,
            s.contactId,
            s.email,
            s.locale,
            s.sourceKey,
            s.complaintId,
            s.dealId,
            s.complaintOutcome,
            s.ownerId,
            s.rung,
            s.level,
            s.segment,
            s.sentAt,
            s.expiresAt,
            s.answeredAt,
            s.score,
            s.comment,
            taskId,
            s.loop?.closedAt ?? null,
            s.loop?.closedAt ? s.loop.assigneeId : null,
            s.loop?.closedAt ? s.loop.note : null,
            s.sentAt,
          ).lastInsertRowid,
        );
        if (taskId !== null) taskSource.run(`survey:${id}`, taskId);
        counts.surveys += 1;
        if (s.answeredAt !== null) counts.answers += 1;
        if (s.kind === "nps" && (s.score ?? 0) >= 9 && s.answeredAt !== null) lastPromoter = { id, plan: s };
      }
      // A promoter in the last two months on a rung the advocate move starts from: the suggestion waits.
      if (
        lastPromoter?.plan.answeredAt &&
        lastPromoter.plan.answeredAt > now - 60 * DAY &&
        a.status === "active" &&
        SUGGEST_FROM.includes(a.rung)
      ) {
        const s = lastPromoter.plan;
        const details = {
          score: s.score,
          surveyId: lastPromoter.id,
          contactName: s.contactId !== null ? (p.contactNames.get(s.contactId) ?? null) : null,
          comment: s.comment,
        };
        evidence.run(a.id, JSON.stringify(details), s.answeredAt, s.answeredAt);
        counts.proposals += 1;
      }
      for (const f of p.feedback) {
        let taskId: number | null = null;
        if (f.action) {
          taskId = insertTask({
            accountId: a.id,
            assigneeId: f.action.ownerId,
            dueAt: f.action.dueAt,
            title: { key: "task.feedbackAction", params: { theme: f.theme, account: a.name } },
            doneAt: f.closedAt,
            kind: "feedback_action",
            sourceKey: null,
            createdAt: f.action.actionAt,
          });
        }
        const status = f.closedAt !== null ? "closed" : f.action ? "open" : "noted";
        const id = Number(
          feedback.run(
            f.accountId,
            f.contactId,
            f.words,
            f.interface,
            f.channel,
            f.sentiment,
            f.theme,
            f.receivedAt,
            f.recordedById,
            status,
            f.action?.ownerId ?? null,
            f.action?.dueAt ?? null,
            taskId,
            f.action?.actionAt ?? null,
            f.closedAt,
            f.closedById,
            f.resolution,
            f.receivedAt,
            f.closedAt ?? f.receivedAt,
          ).lastInsertRowid,
        );
        if (taskId !== null) taskSource.run(`feedback:${id}`, taskId);
        counts.feedback += 1;
      }
      if (p.referrerId !== null) {
        referral.run(p.referrerId, a.id);
        counts.referrals += 1;
      }
    },
  };
}
