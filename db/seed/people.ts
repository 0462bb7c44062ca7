// Contacts, activities and tasks around one generated account: the account manager's day-to-day.
import { endOfUtcDay } from "@/server/activities/follow-ups.rules";
import { CATEGORY_ZH } from "./catalog";
import { type AccountHistory, DAY } from "./history";
import { companyDomain, contactTitle, type Language, personName, phoneNumber } from "./names";
import type { Rng } from "./prng";
import * as t from "./texts";

export type ContactRow = {
  id: number;
  accountId: number;
  name: string;
  title: string | null;
  email: string | null;
  phone: string | null;
  createdAt: number;
};
export type ActivityRow = {
  accountId: number;
  contactId: number | null;
  userId: string;
  type: "call" | "email" | "meeting" | "visit" | "note";
  at: number;
  summary: string;
};
export type TaskRow = {
  accountId: number;
  assigneeId: string;
  dueAt: number;
  title: string;
  doneAt: number | null;
  createdById: string;
  createdAt: number;
};

export type PeoplePlan = {
  now: number;
  nextContactId: number;
  /** Activities to write for this account at most (demo managers' accounts get more). */
  maxActivities: number;
  /** Chance of a follow-up task on this account. */
  taskChance: number;
  /** Forces one open task: overdue or due within the next two weeks (so every demo manager has both). */
  forceTask: "overdue" | "upcoming" | null;
  serviceAgentId: string;
  /** The language the account's owner types in: activity summaries and task titles. */
  authorLang: Language;
};

export function generatePeople(rng: Rng, h: AccountHistory, plan: PeoplePlan) {
  const { account: a, lang } = h;
  const contacts: ContactRow[] = [];
  if (a.kind === "company") {
    // Contacts write from their company's own domain.
    const domain = companyDomain(a.name, lang);
    const n = rng.weighted([
      [1, 5],
      [2, 3],
      [3, 2],
    ] as const);
    for (let i = 0; i < n; i++) {
      const p = personName(rng, lang);
      contacts.push({
        id: plan.nextContactId + i,
        accountId: a.id,
        name: p.name,
        title: contactTitle(rng, lang),
        email: rng.chance(0.9) ? `${p.emailLocal}@${domain}` : null,
        phone: rng.chance(0.8) ? phoneNumber(rng, lang) : null,
        createdAt: a.createdAt,
      });
    }
  }

  const activities: ActivityRow[] = [];
  const tasks: TaskRow[] = [];
  const owner = a.ownerId;
  if (!owner) return { contacts, activities, tasks };

  const from = Math.max(a.createdAt, plan.now - 540 * DAY);
  const n = rng.int(0, plan.maxActivities);
  const times: number[] = [];
  for (let i = 0; i < n; i++) times.push(Math.floor(from + rng.next() * (plan.now - 3_600_000 - from)));
  times.sort((x, y) => x - y);
  for (const at of times) {
    const type = rng.weighted([
      ["call", 35],
      ["email", 30],
      ["meeting", 12],
      ["visit", 8],
      ["note", 15],
    ] as const);
    const contact = contacts.length ? rng.pick(contacts) : null;
    const author = plan.authorLang;
    const who = contact?.name ?? (a.kind === "person" ? a.name : t.noContact(author));
    const category = rng.pick(h.categories);
    activities.push({
      accountId: a.id,
      contactId: contact?.id ?? null,
      userId: type === "call" && rng.chance(0.1) ? plan.serviceAgentId : owner,
      type,
      at,
      summary: t.activitySummary(
        rng,
        author,
        type,
        who,
        author === "zh" ? (CATEGORY_ZH[category] ?? category) : category,
      ),
    });
  }

  const kinds: ("done" | "overdue" | "upcoming" | "later")[] = [];
  if (plan.forceTask) kinds.push(plan.forceTask);
  if (rng.chance(plan.taskChance)) {
    kinds.push(
      rng.weighted([
        ["done", 45],
        ["overdue", 20],
        ["upcoming", 25],
        ["later", 10],
      ] as const),
    );
  }
  for (const kind of kinds) {
    // A task is due by the end of its UTC day, as the task form records it.
    const dueAt = endOfUtcDay(
      kind === "overdue"
        ? plan.now - rng.int(1, 21) * DAY
        : kind === "upcoming"
          ? plan.now + rng.int(0, 13) * DAY
          : kind === "later"
            ? plan.now + rng.int(14, 60) * DAY
            : Math.max(a.createdAt + 2 * DAY, plan.now - rng.int(2, 300) * DAY),
    );
    const createdAt = Math.min(plan.now - 3_600_000, Math.max(a.createdAt, dueAt - rng.int(3, 30) * DAY));
    tasks.push({
      accountId: a.id,
      assigneeId: owner,
      dueAt,
      title: t.taskTitle(rng, plan.authorLang),
      doneAt:
        kind === "done"
          ? Math.min(plan.now - 3_600_000, Math.max(createdAt, dueAt + rng.int(-2, 2) * DAY))
          : null,
      createdById: owner,
      createdAt,
    });
  }
  return { contacts, activities, tasks };
}
