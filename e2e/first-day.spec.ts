// A real company's first day (issue #10, "done when"), on an EMPTY database: its own server, started here with
// SEED_DEMO=0 on a temporary file and its own port (E2E_PORT + 100, e.g. 3204 beside 3104). The first admin is
// set up at /setup, invites a manager (the link the Users page shows when no mail is sent), the manager sets a
// password and signs in; the admin imports an accounts file (a Chinese name, a quoted comma) and an order file,
// assigns the accounts to the manager in bulk; the manager sees them on the rungs their orders give and exports
// them to CSV; a backup taken while the server runs is restored into a new file with the same counts.
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Browser, Page } from "@playwright/test";
import Database from "better-sqlite3";
import { expect, signIn, test } from "./fixtures";

const PORT = Number(process.env.FIRST_DAY_PORT ?? Number(process.env.E2E_PORT ?? 3100) + 100);
const BASE = `http://localhost:${PORT}`;
// Made in beforeAll (Playwright also loads this file in its runner process, which must not leave files behind).
let dir = "";
let dbFile = "";
let env: NodeJS.ProcessEnv = { ...process.env };
let server: ChildProcess | undefined;

const ADMIN = { name: "Ada Admin", email: "ada@northwind.example", password: "first-admin-pass-1" };
const MANAGER = { name: "Mia 王", email: "mia@northwind.example", password: "managers-pass-22" };

/** A day `n` days ago as the order file writes it (M/D/YYYY). */
function daysAgo(n: number): string {
  const d = new Date(Date.now() - n * 86_400_000);
  return `${d.getUTCMonth() + 1}/${d.getUTCDate()}/${d.getUTCFullYear()}`;
}

const ACCOUNTS_FILE = [
  "Account ID,Company,Contact Name,Title,Email,Phone,Segment,Industry",
  'FD-1,"Northwind Traders, Ltd.",Anna Berg,Buyer,anna@northwind-traders.example,,Wholesale,Food',
  'FD-1,"Northwind Traders, Ltd.",Bo Lind,"Head of Purchasing, Nordics",bo@northwind-traders.example,,Wholesale,Food',
  "FD-2,杭州青禾茶业有限公司,周敏,采购经理,zhou.min@qinghe.example,0571-5555 0188,Retail,食品",
  "FD-3,Contoso Pharma,Li Wei,CEO,li.wei@contoso.example,,Corporate,Health",
].join("\n");

const ORDERS_FILE = [
  "Row ID,Order ID,Order Date,Customer ID,Customer Name,Segment,Category,Sales,Profit",
  `1,FD-O-1,${daysAgo(90)},FD-1,"Northwind Traders, Ltd.",Wholesale,Tea,1200.50,300.10`,
  `2,FD-O-2,${daysAgo(30)},FD-1,"Northwind Traders, Ltd.",Wholesale,Tea,800,150`,
  `3,FD-O-3,${daysAgo(10)},FD-2,杭州青禾茶业有限公司,Retail,Tea,99.90,20`,
].join("\n");

function run(script: string, args: string[]) {
  const result = spawnSync("node_modules/.bin/tsx", [script, ...args], { env, encoding: "utf8" });
  expect(result.status, `${script}: ${result.stderr}`).toBe(0);
  return result.stdout;
}

function counts(file: string) {
  const db = new Database(file, { readonly: true });
  try {
    const n = (table: string) =>
      (db.prepare(`SELECT count(*) AS n FROM "${table}"`).get() as { n: number }).n;
    return {
      integrity: db.pragma("integrity_check", { simple: true }),
      accounts: n("accounts"),
      contacts: n("contacts"),
      orders: n("orders"),
      users: n("users"),
      ladderMoves: n("ladder_moves"),
      audit: n("audit_log"),
    };
  } finally {
    db.close();
  }
}

test.beforeAll(async () => {
  test.setTimeout(120_000);
  dir = mkdtempSync(path.join(tmpdir(), "ladder-first-day-"));
  dbFile = path.join(dir, "company.db");
  env = {
    ...process.env,
    NODE_ENV: "production",
    DATABASE_PATH: dbFile,
    PORT: String(PORT),
    BETTER_AUTH_URL: BASE,
    SEED_DEMO: "0",
  };
  // No mail is sent (the Users page shows the link) and no scheduled backups.
  delete env.SMTP_URL;
  delete env.BACKUP_DIR;
  run("db/migrate.ts", []);
  server = spawn("node_modules/.bin/tsx", ["scripts/serve.ts"], { env, stdio: "ignore", detached: true });
  for (let i = 0; i < 100; i += 1) {
    const ok = await fetch(`${BASE}/sign-in`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`the first-day server did not start on ${BASE}`);
});

test.afterAll(() => {
  // The server and Next under it: the whole process group this spec started.
  if (server?.pid) {
    try {
      process.kill(-server.pid, "SIGTERM");
    } catch {}
  }
  if (dir) rmSync(dir, { recursive: true, force: true });
});

async function newPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ baseURL: BASE, locale: "en-US" });
  return context.newPage();
}

test("a company's first day: set-up, invitation, imports, bulk assignment, export and a restored backup", async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const admin = await newPage(browser);

  // 1. The first admin, on a database without users.
  await admin.goto("/setup");
  await admin.getByLabel("Your name").fill(ADMIN.name);
  await admin.getByLabel("Email").fill(ADMIN.email);
  await admin.getByRole("textbox", { name: "Password", exact: true }).fill(ADMIN.password);
  await admin.getByLabel("Type it again").fill(ADMIN.password);
  await admin.getByRole("button", { name: "Create the admin account" }).click();
  await admin.waitForURL((url) => !url.pathname.startsWith("/setup"));
  await expect(admin.getByRole("navigation", { name: "Main navigation" })).toBeVisible();
  expect((await admin.request.get("/setup")).status()).toBe(404);

  // 2. The admin invites a manager; no mail is sent here, so the page shows the one-time link.
  await admin.goto("/admin/users");
  await admin.getByRole("button", { name: "Invite user" }).click();
  const form = admin.getByRole("form", { name: "Invite a user" });
  await form.getByLabel("Name").fill(MANAGER.name);
  await form.getByLabel("Email").fill(MANAGER.email);
  await form.getByLabel("Role").selectOption("account_manager");
  await form.getByRole("button", { name: "Send invitation" }).click();
  const link = await admin
    .getByRole("region", { name: `Invitation for ${MANAGER.name}` })
    .getByLabel("One-time link")
    .inputValue();
  expect(link.startsWith(`${BASE}/set-password?token=`)).toBe(true);

  // 3. The manager chooses a password from the link and signs in.
  const manager = await newPage(browser);
  await manager.goto(link.slice(BASE.length));
  await manager.getByLabel("New password").fill(MANAGER.password);
  await manager.getByLabel("Type it again").fill(MANAGER.password);
  await manager.getByRole("button", { name: "Set password" }).click();
  await expect(manager.getByText("Your password is set. Sign in with it.")).toBeVisible();
  await signIn(manager, MANAGER.email, MANAGER.password);
  await manager.goto("/accounts?owner=me");
  await expect(manager.getByText("No accounts match")).toBeVisible();

  // 4. The admin imports the accounts file, then the order file.
  await admin.goto("/import");
  await admin.getByRole("radio", { name: /Accounts and contacts/ }).check();
  await admin
    .getByLabel("CSV file")
    .setInputFiles({ name: "accounts.csv", mimeType: "text/csv", buffer: Buffer.from(ACCOUNTS_FILE) });
  await expect(admin.getByLabel("Customer reference")).toHaveValue("Account ID");
  await admin.getByRole("button", { name: "Import", exact: true }).click();
  await expect(admin.getByText("Imported.", { exact: true })).toBeVisible({ timeout: 60_000 });

  await admin.goto("/import");
  await admin
    .getByLabel("CSV file")
    .setInputFiles({ name: "orders.csv", mimeType: "text/csv", buffer: Buffer.from(ORDERS_FILE) });
  await expect(admin.getByLabel("Customer reference")).toHaveValue("Customer ID");
  await admin.getByRole("button", { name: "Import", exact: true }).click();
  await expect(admin.getByText("Imported.", { exact: true })).toBeVisible({ timeout: 60_000 });

  // 5. The admin assigns every account to the manager in one bulk change.
  await admin.goto("/accounts");
  await expect(admin.getByText("3 accounts match")).toBeVisible();
  await admin.getByLabel("Select all shown accounts").check();
  const bar = admin.getByRole("region", { name: "Bulk changes" });
  await expect(bar).toContainText("3 accounts selected");
  await bar.getByLabel("Change").selectOption("ownerId");
  await bar.getByLabel("New owner").selectOption({ label: MANAGER.name });
  await bar.getByRole("button", { name: "Apply to selected" }).click();
  await expect(admin.getByRole("status")).toHaveText("3 accounts changed.");

  // 6. The manager sees them as theirs, on the rungs their orders give.
  await manager.goto("/accounts?owner=me");
  await expect(manager.getByText("3 accounts match")).toBeVisible();
  const row = (name: string) => manager.getByRole("row").filter({ hasText: name });
  await expect(row("Northwind Traders, Ltd.")).toContainText("Repeat customer");
  await expect(row("杭州青禾茶业有限公司")).toContainText("First-time buyer");
  await expect(row("Contoso Pharma")).toContainText("Suspect");

  // 7. …and exports them.
  const [download] = await Promise.all([
    manager.waitForEvent("download"),
    manager.getByRole("link", { name: "Export CSV" }).click(),
  ]);
  const bytes = readFileSync((await download.path()) as string);
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const lines = bytes.toString("utf8").slice(1).trimEnd().split("\r\n");
  expect(lines).toHaveLength(4);
  expect(lines[0]?.startsWith("Name,Kind,External reference,Rung,")).toBe(true);
  expect(lines.find((l) => l.startsWith("杭州青禾茶业有限公司,company,FD-2,first_time,"))).toBeTruthy();
  expect(lines.find((l) => l.startsWith('"Northwind Traders, Ltd.",company,FD-1,repeat,'))).toContain(
    `,${MANAGER.name},${MANAGER.email},`,
  );

  // 8. A backup while the server runs, restored into a new file: the same records.
  const live = counts(dbFile);
  expect(live).toMatchObject({ integrity: "ok", accounts: 3, contacts: 4, orders: 3, users: 2 });
  const backup = path.join(dir, "backup.db");
  const restored = path.join(dir, "restored.db");
  expect(run("server/backup/backup.cli.ts", [backup, "--db", dbFile])).toContain(
    "integrity ok; 3 accounts, 3 orders",
  );
  expect(run("server/backup/restore.cli.ts", [backup, "--db", restored])).toContain(
    "integrity ok; 3 accounts, 3 orders, 4 contacts, 2 users",
  );
  expect(counts(restored)).toEqual(live);
});
