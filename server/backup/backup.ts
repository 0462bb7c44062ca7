// Backups (issue #10 §5): SQLite's online backup API through better-sqlite3 (db.backup) copies the database
// page by page while the server keeps reading and writing; the copy is consistent as of the moment it
// finishes, so it holds every write acknowledged before it started. A restore puts a copy back while no server
// holds the database (the server marks its file with its process id while it runs).
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  unlinkSync,
  writeFileSync,
} from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";

export type BackupCheck = {
  integrity: string;
  accounts: number;
  orders: number;
  contacts: number;
  users: number;
};

/**
 * Copies the database file `source` to `file` (replaced if present) through its own read-only connection, and
 * checks the copy. The copy is one backup step: SQLite restarts a step-wise backup whenever another connection
 * writes, which in a busy office is always; one step reads a single snapshot (in WAL mode a reader never blocks
 * the writers), so the copy holds every write acknowledged before it started.
 */
export async function backupDatabaseFile(source: string, file: string): Promise<BackupCheck> {
  mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const partial = `${file}.partial`;
  rmSync(partial, { force: true });
  const db = new Database(source, { readonly: true, fileMustExist: true });
  try {
    await db.backup(partial, { progress: () => 0x7fffffff });
  } finally {
    db.close();
  }
  const check = checkDatabaseFile(partial);
  if (check.integrity !== "ok") {
    rmSync(partial, { force: true });
    throw new Error(`the copy failed its integrity check: ${check.integrity}`);
  }
  renameSync(partial, file);
  return check;
}

/** integrity_check and the main counts of a database file, opened read-only. */
export function checkDatabaseFile(file: string): BackupCheck {
  const copy = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const integrity = (copy.pragma("integrity_check", { simple: true }) as string) ?? "";
    const tables = new Set(
      (copy.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map(
        (t) => t.name,
      ),
    );
    const count = (table: string) =>
      tables.has(table) ? (copy.prepare(`SELECT count(*) AS n FROM "${table}"`).get() as { n: number }).n : 0;
    if (!tables.has("__drizzle_migrations") || !tables.has("accounts"))
      throw new Error(`${file} is not a Ladder CRM database`);
    return {
      integrity,
      accounts: count("accounts"),
      orders: count("orders"),
      contacts: count("contacts"),
      users: count("users"),
    };
  } finally {
    copy.close();
  }
}

// --- the running server's mark on its database, so a restore can refuse while it runs ---

const markOf = (dbFile: string) => `${dbFile}.server-pid`;

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Called by the server at start: marks the database as held by this process until it exits. */
export function markServerRunning(dbFile: string): void {
  if (dbFile === ":memory:") return;
  const mark = markOf(dbFile);
  writeFileSync(mark, String(process.pid));
  const clear = () => {
    try {
      if (readFileSync(mark, "utf8") === String(process.pid)) unlinkSync(mark);
    } catch {
      // already gone
    }
  };
  // A signal without a handler skips "exit": the mark stays, but its process is gone and it is ignored.
  process.once("exit", clear);
}

/** The process id of a running server holding the database, or null. A mark left by a crash is ignored. */
export function serverHolding(dbFile: string): number | null {
  const mark = markOf(dbFile);
  if (!existsSync(mark)) return null;
  const pid = Number(readFileSync(mark, "utf8").trim());
  return Number.isInteger(pid) && pid > 0 && pid !== process.pid && alive(pid) ? pid : null;
}

/**
 * Replaces the database at `target` with the backup `from`, after checking the backup. Refuses while a server
 * holds the target. The database it replaces is kept beside it as `<target>.before-restore-<time>`.
 */
export async function restoreDatabase(params: { from: string; target: string; now?: Date }): Promise<{
  check: BackupCheck;
  keptAs: string | null;
}> {
  const holder = serverHolding(params.target);
  if (holder)
    throw new Error(`a server (process ${holder}) is using ${params.target}: stop it first, then restore`);
  const check = checkDatabaseFile(params.from);
  if (check.integrity !== "ok")
    throw new Error(`${params.from} failed its integrity check: ${check.integrity}`);
  let keptAs: string | null = null;
  if (existsSync(params.target)) {
    const stamp = (params.now ?? new Date()).toISOString().replace(/[:.]/g, "-");
    keptAs = `${params.target}.before-restore-${stamp}`;
    // Fold the write-ahead log in, so the file kept is the whole database and no stale log is left behind.
    const current = new Database(params.target);
    current.pragma("wal_checkpoint(TRUNCATE)");
    current.close();
    renameSync(params.target, keptAs);
    for (const suffix of ["-wal", "-shm"]) rmSync(params.target + suffix, { force: true });
  }
  mkdirSync(path.dirname(path.resolve(params.target)), { recursive: true });
  const source = new Database(params.from, { readonly: true, fileMustExist: true });
  try {
    await source.backup(params.target);
  } finally {
    source.close();
  }
  return { check: checkDatabaseFile(params.target), keptAs };
}

// --- scheduled backups ---

const HOUR = 3_600_000;
const PREFIX = "ladder-";
const globalForJob = globalThis as unknown as { backupTimer?: ReturnType<typeof setTimeout> };

export type BackupSchedule = { dir: string; everyHours: number; keep: number };

/** BACKUP_DIR (on when set), BACKUP_EVERY_HOURS (default 24), BACKUP_KEEP (default 7). */
export function backupScheduleFromEnv(env: NodeJS.ProcessEnv = process.env): BackupSchedule | null {
  if (!env.BACKUP_DIR) return null;
  const everyHours = Number(env.BACKUP_EVERY_HOURS ?? 24);
  const keep = Math.trunc(Number(env.BACKUP_KEEP ?? 7));
  if (!(everyHours > 0) || !(keep >= 1))
    throw new Error("BACKUP_EVERY_HOURS must be > 0 and BACKUP_KEEP ≥ 1");
  return { dir: env.BACKUP_DIR, everyHours, keep };
}

/** The scheduled backups in `dir`, newest first. */
export function listBackups(dir: string): { file: string; at: number }[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.startsWith(PREFIX) && f.endsWith(".db"))
    .map((f) => ({ file: path.join(dir, f), at: statSync(path.join(dir, f)).mtimeMs }))
    .sort((a, b) => b.at - a.at);
}

/**
 * One scheduled backup: a new file named by its time, then the oldest beyond `keep` removed. The server passes a
 * copy that runs on a worker thread (backup-on-worker.ts), so it keeps answering while the file is read.
 */
export async function runScheduledBackup(
  source: string,
  schedule: BackupSchedule,
  now = new Date(),
  copy: (source: string, file: string) => Promise<unknown> = backupDatabaseFile,
): Promise<string> {
  const file = path.join(schedule.dir, `${PREFIX}${now.toISOString().replace(/[:.]/g, "-")}.db`);
  await copy(source, file);
  for (const old of listBackups(schedule.dir).slice(schedule.keep)) rmSync(old.file, { force: true });
  return file;
}

/** Starts the schedule: the first backup when the newest one is due (soon after start if there is none). */
export function startBackupJob(
  source: string,
  copy: (source: string, file: string) => Promise<unknown>,
  schedule: BackupSchedule | null = backupScheduleFromEnv(),
): void {
  if (!schedule || globalForJob.backupTimer) return;
  const every = schedule.everyHours * HOUR;
  const plan = (delay: number) => {
    globalForJob.backupTimer = setTimeout(async () => {
      try {
        const file = await runScheduledBackup(source, schedule, new Date(), copy);
        console.log(`[backup] ${file}`);
      } catch (error) {
        console.error("[backup] failed:", error);
      }
      plan(every);
    }, delay);
    globalForJob.backupTimer.unref?.();
  };
  const newest = listBackups(schedule.dir)[0];
  plan(newest ? Math.max(0, newest.at + every - Date.now()) : 5_000);
}
