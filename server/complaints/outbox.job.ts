// Sends the outbox every minute when SMTP_URL is set (e.g. smtps://user:pass@smtp.example.com:465); without it
// messages wait in the outbox, visible to handlers. One timer per process; runs never overlap.
import { createTransport } from "nodemailer";
import type { Db } from "@/db/client";
import { sendOutbox } from "./outbox.queries";

const INTERVAL = 60_000;
const globalForJob = globalThis as unknown as { complaintOutboxTimer?: ReturnType<typeof setInterval> };

export function startOutboxJob(getDb: () => Db): void {
  const url = process.env.SMTP_URL;
  if (!url || globalForJob.complaintOutboxTimer) return;
  const transport = createTransport(url);
  const from = process.env.MAIL_FROM ?? "Ladder CRM <no-reply@localhost>";
  let running = false;
  const run = async () => {
    if (running) return;
    running = true;
    try {
      await sendOutbox(getDb(), transport, { from });
    } catch (error) {
      console.error("[complaints] outbox run failed:", error);
    } finally {
      running = false;
    }
  };
  globalForJob.complaintOutboxTimer = setInterval(run, INTERVAL);
  globalForJob.complaintOutboxTimer.unref?.();
  void run();
}
