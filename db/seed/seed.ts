// Deterministic demo data: the same seed, sizes and "now" always give the same company, row for row.
// Generation is pure (history.ts, people.ts); this module picks owners, batches the writes and records a
// settings row `demo_data` so the app (and the bench) can tell demo data from real data.

import { hashPassword } from "better-auth/crypto";
import { competitorKey } from "@/server/deals/competitors.schemas";
import { ensureCadenceTasks } from "@/server/levels/cadence.queries";
import { recomputeRecommendedLevels } from "@/server/levels/recommend.queries";
import { createUserWithPassword } from "@/server/users/create-user";
import type { Db } from "../client";
import { SEGMENT_ZH, STAGE_ZH } from "./catalog";
import { generateComplaints } from "./complaints";
import { DEMO_COMPETITORS, generateDeals } from "./deals";
import { DEMO_PASSWORD, DEMO_USERS, type DemoUser } from "./demo-users";
import { generateAccount } from "./history";
import {
  DEMO_SURVEY_SCHEDULE,
  drawReferrer,
  generateFeedback,
  generateSurveys,
  type ReferralPool,
} from "./listening";
import { createListeningWriter } from "./listening-writer";
import { type Language, personName } from "./names";
import { generatePeople } from "./people";
import { createRng, mixSeed } from "./prng";
import { type Counts, createWriter } from "./writer";

export type SeedOptions = {
  accounts: number;
  seed: number;
  /** Target total orders (default 10 per account); the heavy tail makes the result approximate. */
  orders?: number;
  /** The moment the history ends (UTC ms). Default: today at 00:00 UTC. */
  now?: number;
  /** Delete existing CRM data first (users stay). Without it, a database with accounts is refused. */
  reset?: boolean;
  log?: (line: string) => void;
};

export type DemoDataInfo = {
  demo: true;
  seed: number;
  accounts: number;
  orders: number;
  ordersTarget: number | null;
  now: number;
};
export type SeedResult = Counts & { users: number; ms: number };

/** Orders per account the generator gives at orderScale 1 (measured at 100k accounts; used to honour --orders). */
const BASE_ORDERS_PER_ACCOUNT = 7.6;
const DEFAULT_ORDERS_PER_ACCOUNT = 10;
const ACCOUNTS_PER_BATCH = 2_000;
/** Above this size the load runs with relaxed durability (a failed bulk seed is simply re-run). */
const BULK_FROM = 20_000;
/** Account managers' relative shares; manager@ladder.demo (u-am-1) ends up with about 1/6 of the demo. */
const DEMO_AM_WEIGHTS: Record<string, number> = { "u-am-1": 1, "u-am-2": 1.5, "u-am-3": 1.5, "u-am-4": 1.6 };

export function startOfTodayUtc(): number {
  const d = new Date();
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate());
}

export async function seedDemoUsers(db: Db): Promise<void> {
  const existing = new Set(db.$client.prepare("SELECT id FROM users").pluck().all() as string[]);
  for (const u of DEMO_USERS) {
    if (!existing.has(u.id)) await createUserWithPassword(db, { ...u, password: DEMO_PASSWORD });
  }
}

/** More account managers for large sizes, so ownership looks like a real sales team. */
export function generatedManagers(accounts: number, seed: number): DemoUser[] {
  const count = accounts > 2_000 ? Math.round(accounts / 2_500) : 0;
  const rng = createRng(mixSeed(seed, 0x5eed));
  return Array.from({ length: count }, (_, i) => {
    const n = String(i + 1).padStart(3, "0");
    const lang = rng.chance(0.5) ? "zh" : "en";
    return {
      id: `u-am-g${n}`,
      name: personName(rng, lang).name,
      email: `am${n}@ladder.demo`,
      role: "account_manager",
      locale: lang,
    };
  });
}

async function insertGeneratedManagers(db: Db, managers: DemoUser[], now: number): Promise<void> {
  if (!managers.length) return;
  // One hash for all: they share the demo password, and scrypt per user would cost seconds.
  const hash = await hashPassword(DEMO_PASSWORD);
  const user = db.$client.prepare(
    `INSERT OR IGNORE INTO users (id, name, email, email_verified, role, locale, active, created_at, updated_at)
     VALUES (?, ?, ?, 1, ?, ?, 1, ?, ?)`,
  );
  const cred = db.$client.prepare(
    `INSERT OR IGNORE INTO auth_accounts (id, account_id, provider_id, user_id, password, created_at, updated_at)
     VALUES (?, ?, 'credential', ?, ?, ?, ?)`,
  );
  db.$client.transaction(() => {
    for (const m of managers) {
      user.run(m.id, m.name, m.email, m.role, m.locale, now, now);
      cred.run(`cred-${m.id}`, m.id, m.id, hash, now, now);
    }
  })();
}

export function countAccounts(db: Db): number {
  return db.$client.prepare("SELECT count(*) FROM accounts").pluck().get() as number;
}

/** Deletes the CRM data (accounts and everything hanging off them); users and their sign-ins stay. */
export function resetCrmData(db: Db): void {
  db.$client.transaction(() => {
    for (const table of [
      "surveys",
      "feedback",
      "outbox",
      "complaint_events",
      "complaints",
      "deal_review_actions",
      "deal_reviews",
      "deal_stage_moves",
      "deals",
      "competitors",
      "tasks",
      "activities",
      "ladder_moves",
      "orders",
      "contacts",
      "accounts",
      "audit_log",
    ]) {
      db.$client.prepare(`DELETE FROM ${table}`).run();
    }
    db.$client.prepare("DELETE FROM settings WHERE key = 'demo_data'").run();
  })();
}

export function readDemoDataInfo(db: Db): DemoDataInfo | null {
  const raw = db.$client.prepare("SELECT value FROM settings WHERE key = 'demo_data'").pluck().get() as
    | string
    | undefined;
  return raw ? (JSON.parse(raw) as DemoDataInfo) : null;
}

export async function seedDemo(db: Db, options: SeedOptions): Promise<SeedResult> {
  const log = options.log ?? (() => {});
  const started = performance.now();
  const now = options.now ?? startOfTodayUtc();
  const existing = countAccounts(db);
  if (existing > 0) {
    if (!options.reset) {
      throw new Error(
        `The database already holds ${existing} accounts. Pass --reset to replace them with demo data.`,
      );
    }
    resetCrmData(db);
    log(`Deleted the existing ${existing} accounts and their data.`);
  }

  await seedDemoUsers(db);
  const managers = generatedManagers(options.accounts, options.seed);
  await insertGeneratedManagers(db, managers, now);
  log(
    `Users: ${DEMO_USERS.length} demo users (password: ${DEMO_PASSWORD}) + ${managers.length} generated account managers.`,
  );

  const owners: (readonly [string, number])[] = [
    ...Object.entries(DEMO_AM_WEIGHTS),
    ...managers.map((m) => [m.id, 1] as const),
  ];
  const totalWeight = owners.reduce((s, [, w]) => s + w, 0);
  const ownerInfo = new Map(
    owners.map(([id, w]) => {
      const expected = (options.accounts * w) / totalWeight;
      return [
        id,
        { taskChance: Math.min(0.5, 20 / Math.max(1, expected)), seen: 0, demo: id in DEMO_AM_WEIGHTS },
      ];
    }),
  );
  // Smooth weighted round-robin: exact shares at any size (a random pick left manager@ with 22% or 14%).
  const current = owners.map(() => 0);
  const nextOwner = (): string => {
    let best = 0;
    for (let k = 0; k < owners.length; k++) {
      current[k] = (current[k] as number) + (owners[k] as readonly [string, number])[1];
      if ((current[k] as number) > (current[best] as number)) best = k;
    }
    current[best] = (current[best] as number) - totalWeight;
    return (owners[best] as readonly [string, number])[0];
  };
  const ordersTarget = options.orders ?? options.accounts * DEFAULT_ORDERS_PER_ACCOUNT;
  const orderScale = ordersTarget / Math.max(1, options.accounts) / BASE_ORDERS_PER_ACCOUNT;

  const sqlite = db.$client;
  const bulk = options.accounts >= BULK_FROM;
  if (bulk) {
    sqlite.pragma("synchronous = OFF");
    sqlite.pragma("foreign_keys = OFF");
    sqlite.pragma("cache_size = -262144");
  }
  const writer = createWriter(sqlite, now);
  // The competitor list first: deals refer to its entries by id (1…n in DEMO_COMPETITORS order).
  const competitor = sqlite.prepare(
    "INSERT INTO competitors (id, name, name_key, created_by_id, created_at, updated_at) VALUES (?, ?, ?, NULL, ?, ?)",
  );
  DEMO_COMPETITORS.forEach((name, i) => {
    competitor.run(i + 1, name, competitorKey(name), now, now);
  });
  // The demo's segment and stage names in Chinese (kept across a reset, like a company's settings).
  const label = sqlite.prepare(
    "INSERT OR IGNORE INTO name_labels (kind, name, locale, label, updated_at) VALUES (?, ?, 'zh', ?, ?)",
  );
  for (const [name, zh] of Object.entries(SEGMENT_ZH)) label.run("segment", name, zh, now);
  for (const [name, zh] of Object.entries(STAGE_ZH)) label.run("stage", name, zh, now);
  // The language each owner types in: what they write in the demo is in it.
  const localeOf = new Map<string, Language>([
    ...DEMO_USERS.map((u) => [u.id, u.locale] as const),
    ...managers.map((m) => [m.id, m.locale] as const),
  ]);
  const langOf = (id: string | null) => localeOf.get(id ?? "u-lead") ?? "en";
  const listening = createListeningWriter(sqlite, now);
  const referralPool: ReferralPool = { ids: [], firstOrderAt: [] };
  let nextOrderId = 1;
  let nextContactId = 1;
  const writeBatch = sqlite.transaction((from: number, to: number) => {
    for (let i = from; i < to; i++) {
      const rng = createRng(mixSeed(options.seed, i + 1));
      const ownerId = nextOwner();
      const h = generateAccount(rng, {
        id: i + 1,
        ownerId,
        fallbackUserId: "u-lead",
        now,
        nextOrderId,
        orderScale,
        authorLang: langOf(ownerId),
      });
      const owner = h.account.ownerId ? ownerInfo.get(h.account.ownerId) : undefined;
      let forceTask: "overdue" | "upcoming" | null = null;
      if (owner) {
        owner.seen += 1;
        if (owner.demo && owner.seen <= 6) forceTask = owner.seen <= 3 ? "overdue" : "upcoming";
      }
      const people = generatePeople(rng, h, {
        now,
        nextContactId,
        maxActivities: owner?.demo ? 6 : options.accounts <= 5_000 ? 4 : 2,
        taskChance: owner?.taskChance ?? 0,
        forceTask,
        serviceAgentId: "u-agent",
        authorLang: langOf(h.account.ownerId),
      });
      writer.write(h, people);
      // Forked so deals never shift the draws of the account, its orders or its people.
      writer.writeDeals(
        generateDeals(rng.fork(0xdea1), h, {
          now,
          contactId: people.contacts[0]?.id ?? null,
          fallbackOwnerId: "u-lead",
          authorLang: langOf(h.account.ownerId),
        }),
      );
      // Forked too: complaints are drawn after everything else and shift nothing.
      writer.writeComplaints(
        generateComplaints(rng.fork(0xc0b1a1), h, {
          now,
          contactId: people.contacts[0]?.id ?? null,
          email: people.contacts[0]?.email ?? null,
          agentId: "u-agent",
          approverId: "u-lead",
        }),
      );
      // Forked too, and last: feedback, surveys (after the complaints and deals they follow) and referrals.
      const heard = listening.readAccount(h.account.id);
      const lrng = rng.fork(0x115e7);
      const ctx = { now, agentId: "u-agent", leadId: "u-lead", contacts: people.contacts, ...heard };
      listening.write(h, {
        surveys: generateSurveys(lrng, h, ctx),
        feedback: generateFeedback(lrng.fork(1), h, ctx),
        referrerId: drawReferrer(lrng.fork(2), h, referralPool, now),
        contactNames: new Map(people.contacts.map((c) => [c.id, c.name])),
      });
      nextOrderId += h.orders.length;
      nextContactId += people.contacts.length;
    }
  });
  for (let from = 0; from < options.accounts; from += ACCOUNTS_PER_BATCH) {
    writeBatch(from, Math.min(options.accounts, from + ACCOUNTS_PER_BATCH));
    if (bulk && (from / ACCOUNTS_PER_BATCH) % 10 === 9) {
      log(
        `  … ${from + ACCOUNTS_PER_BATCH} accounts, ${writer.counts.orders} orders (${seconds(started)} s)`,
      );
    }
  }
  const info: DemoDataInfo = {
    demo: true,
    seed: options.seed,
    accounts: writer.counts.accounts,
    orders: writer.counts.orders,
    ordersTarget: options.orders ?? null,
    now,
  };
  const setting = sqlite.prepare(
    "INSERT OR REPLACE INTO settings (key, value, updated_at, updated_by_id) VALUES (?, ?, ?, NULL)",
  );
  setting.run("demo_data", JSON.stringify(info), now);
  // The survey schedule the demo's history followed, so the schedule job carries on from it.
  setting.run("surveySchedule", JSON.stringify(DEMO_SURVEY_SCHEDULE), now);
  // As of the seed's "now": the recommendation per account, and the cadence tasks the practised levels owe,
  // so the demo opens with mismatches and overdue contacts to look at.
  recomputeRecommendedLevels(db, { asOf: now });
  practiseMostlyWhatFits(db);
  const cadence = ensureCadenceTasks(db, { asOf: now });
  log(
    `Levels recomputed; cadence tasks: ${cadence.checkIns} check-ins, ${cadence.contacts} contacts, ${cadence.reviews} reviews.`,
  );
  const loaded = performance.now();
  if (bulk) {
    sqlite.pragma("foreign_keys = ON");
    sqlite.pragma("synchronous = NORMAL");
    sqlite.pragma("cache_size = -64000");
  }
  sqlite.exec("ANALYZE");
  if (bulk) sqlite.pragma("wal_checkpoint(TRUNCATE)");
  const c = writer.counts;
  const l = listening.counts;
  log(
    `Seeded ${c.accounts} accounts, ${c.orders} orders, ${c.moves} ladder moves, ${c.contacts} contacts, ` +
      `${c.activities} activities, ${c.tasks} tasks, ${c.deals} deals, ${c.reviews} reviews, ${c.complaints} complaints, ` +
      `${l.feedback} feedback, ${l.surveys} surveys (${l.answers} answered, ${l.loops} loops), ${l.referrals} referrals, ` +
      `${l.proposals} advocate suggestions (seed ${options.seed}) in ${seconds(started)} s ` +
      `(load ${((loaded - started) / 1000).toFixed(1)} s, analyze ${((performance.now() - loaded) / 1000).toFixed(1)} s).`,
  );
  return { ...c, users: DEMO_USERS.length + managers.length, ms: performance.now() - started };
}

/**
 * A company that has run the matrix for a while practises what fits most accounts: three in four accounts
 * with orders take their recommended level (picked by a fixed hash of the id, so the demo stays
 * deterministic); the rest keep the level the generator gave them, some of which differ. Without this every
 * account kept a level drawn without regard to segment size, and the levels page flagged 95% of the demo.
 */
export const PRACTISE_FITTING_LEVEL_PERCENT = 75;
function practiseMostlyWhatFits(db: Db): void {
  db.$client
    .prepare(
      `UPDATE accounts SET level = recommended_level
       WHERE recommended_level IS NOT NULL AND level <> recommended_level AND (id * 2654435761) % 100 < ?`,
    )
    .run(PRACTISE_FITTING_LEVEL_PERCENT);
}

function seconds(since: number): string {
  return ((performance.now() - since) / 1000).toFixed(1);
}
