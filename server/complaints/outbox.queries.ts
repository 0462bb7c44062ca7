// Sending the outbox (issue #5 §1): acknowledgements, replies and confirmations are recorded on the complaint
// and queued in `outbox`; they leave through SMTP only when SMTP_URL is configured, otherwise they wait.
import { asc, eq, isNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { outbox } from "@/db/schema";

/** The part of a nodemailer transport the sender uses (a test passes its own). */
export type MailTransport = {
  sendMail(message: { from: string; to: string; subject: string; text: string }): Promise<unknown>;
};

/**
 * Sends unsent messages, oldest first, and marks each sent when the transport accepts it. A message the
 * transport refuses stays unsent and is tried again on the next run.
 */
export async function sendOutbox(
  db: Db,
  transport: MailTransport,
  opts: { from: string; now?: () => number; limit?: number },
): Promise<{ sent: number; failed: number }> {
  const pending = db
    .select()
    .from(outbox)
    .where(isNull(outbox.sentAt))
    .orderBy(asc(outbox.createdAt), asc(outbox.id))
    .limit(opts.limit ?? 50)
    .all();
  let sent = 0;
  let failed = 0;
  for (const message of pending) {
    try {
      await transport.sendMail({
        from: opts.from,
        to: message.to,
        subject: message.subject,
        text: message.body,
      });
      db.update(outbox)
        .set({ sentAt: (opts.now ?? Date.now)() })
        .where(eq(outbox.id, message.id))
        .run();
      sent += 1;
    } catch (error) {
      failed += 1;
      console.error(`[complaints] sending outbox message ${message.id} failed:`, (error as Error).message);
    }
  }
  return { sent, failed };
}
