// What the feedback dashboard's trigger-kept rollups cost a write (issue #13 §5): on the bench database, inside
// a transaction rolled back at the end (nothing is kept), N surveys sent, N of them answered, N pieces of
// feedback recorded and N accounts moved to another rung, timed as they are and again with what migrations
// 0029 added dropped for the run. Rounds alternate, so load from elsewhere hits both alike.
//   npx tsx bench/feedback-writes.ts [--db bench/bench.db] [--n 2000] [--rounds 3]
import { loadavg } from "node:os";
import Database from "better-sqlite3";

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? (process.argv[i + 1] ?? fallback) : fallback;
};
const file = arg("db", "bench/bench.db");
const n = Number(arg("n", "2000"));
const rounds = Number(arg("rounds", "3"));
// What 0029 adds to a write: the triggers of the pair rollups, the rollups per account dimension and the
// cubes (with 0032's triggers for an answer arriving), and the owner indexes (its wider staying indexes stay:
// same rows, a few more bytes each).
const NEW_INDEXES = ["surveys_owner_answers_idx", "surveys_owner_sent_idx"];
const NEW_TRIGGERS = [
  "surveys_cube_insert",
  "surveys_cube_update",
  "surveys_cube_delete",
  "surveys_pair_rollup_insert",
  "surveys_pair_rollup_update",
  "surveys_pair_rollup_delete",
  "surveys_cube_answer",
  "surveys_pair_rollup_answer",
  "feedback_dim_rollup_insert",
  "feedback_dim_rollup_update",
  "feedback_dim_rollup_delete",
  "accounts_feedback_dim_rollup_update",
  "accounts_feedback_dim_rollup_delete",
];

const db = new Database(file);
db.pragma("foreign_keys = ON");
const accounts = db
  .prepare("SELECT id, owner_id AS ownerId, rung, level, segment FROM accounts ORDER BY random() LIMIT ?")
  .all(n) as { id: number; ownerId: string | null; rung: string; level: string; segment: string | null }[];
const user = (db.prepare("SELECT id FROM users ORDER BY id LIMIT 1").get() as { id: string }).id;
const now = Date.now();

function round(without: boolean) {
  const times: Record<string, number> = {};
  const timed = (label: string, work: () => void) => {
    const t = performance.now();
    work();
    times[label] = (performance.now() - t) / n;
  };
  db.exec("BEGIN");
  try {
    if (without) {
      for (const t of NEW_TRIGGERS) db.exec(`DROP TRIGGER IF EXISTS ${t}`);
      for (const i of NEW_INDEXES) db.exec(`DROP INDEX IF EXISTS ${i}`);
    }
    const send = db.prepare(
      `INSERT INTO surveys (kind, token, account_id, sent_at, expires_at, owner_id, rung, level, segment, created_at)
       VALUES ('nps', ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const ids: number[] = [];
    timed("survey sent", () => {
      accounts.forEach((a, i) => {
        const at = now - i * 1000;
        const r = send.run(
          `w-${i}-${now}`,
          a.id,
          at,
          at + 30 * 86_400_000,
          a.ownerId,
          a.rung,
          a.level,
          a.segment,
          at,
        );
        ids.push(Number(r.lastInsertRowid));
      });
    });
    const answer = db.prepare("UPDATE surveys SET answered_at = ?, score = ? WHERE id = ?");
    timed("survey answered", () => {
      ids.forEach((id, i) => {
        answer.run(now - i * 1000 + 60_000, i % 11, id);
      });
    });
    const record = db.prepare(
      `INSERT INTO feedback (account_id, words, interface, channel, sentiment, theme, received_at, recorded_by_id,
         created_at, updated_at) VALUES (?, 'said so', 'service', 'phone', 'problem', 'price', ?, ?, ?, ?)`,
    );
    timed("feedback recorded", () => {
      accounts.forEach((a, i) => {
        record.run(a.id, now - i * 1000, user, now, now);
      });
    });
    const move = db.prepare("UPDATE accounts SET rung = ? WHERE id = ?");
    timed("account's rung changed", () => {
      for (const a of accounts) move.run(a.rung === "client" ? "repeat" : "client", a.id);
    });
  } finally {
    db.exec("ROLLBACK");
  }
  return times;
}

const runs: Record<"with" | "without", Record<string, number>[]> = { with: [], without: [] };
for (let r = 0; r < rounds; r++) {
  runs.with.push(round(false));
  runs.without.push(round(true));
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;
console.log(
  `${n} writes of each kind, ${rounds} rounds, median ms per write (load ${loadavg()
    .map((x) => x.toFixed(2))
    .join(" ")})`,
);
for (const label of Object.keys(runs.with[0] ?? {})) {
  const a = median(runs.with.map((t) => t[label] ?? 0));
  const b = median(runs.without.map((t) => t[label] ?? 0));
  console.log(
    `${label.padEnd(24)} with 0029 ${a.toFixed(3)}  without ${b.toFixed(3)}  (+${(a - b).toFixed(3)})`,
  );
}
db.close();
