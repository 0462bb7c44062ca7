// The webhooks part of the API reference: what a receiver gets (body, headers), how to check the signature, the
// retry schedule (from webhooks.rules) and the events with the fields each one's `data` carries. Server markup.
import { getFormatter, getTranslations } from "next-intl/server";
import { Card } from "@/app/_components/ui/card";
import { WEBHOOK_EVENTS, type WebhookEvent } from "@/db/schema";
import { RETRY_DELAYS_MS } from "@/server/webhooks/webhooks.rules";
import { EventsTable } from "./events-table";

const MOVE = "account, fromRung, toRung, fromStatus, toStatus, reason, at";
/** The fields of `data` per event (server/webhooks/webhooks.emit.ts and the domains that emit). */
const DATA: Record<WebhookEvent, string> = {
  "account.moved": MOVE,
  "account.lapsed": MOVE,
  "account.lost": MOVE,
  "account.won_back": MOVE,
  "deal.closed": "account, deal { id, title, amount, outcome, closedAt, ownerReason, competitor }",
  "deal.reviewed":
    "account, deal { id, title, outcome, ownerReason }, review { primaryReason, secondaryReasons, buyerWords, spokeAt }",
  "complaint.received":
    "account, complaint { id, reference, status, channel, category, severity, receivedAt, acknowledgeDueAt, resolveDueAt, closedAt }",
  "complaint.breached": "account, complaint { … as complaint.received }",
  "complaint.closed": "account, complaint { … as complaint.received, outcome }",
};

const EXAMPLE = {
  type: "account.moved",
  timestamp: "2026-11-30T14:05:00.000Z",
  data: {
    account: { id: 10042, ref: "ERP-10042", name: "Huang & Sons" },
    fromRung: "first_time",
    toRung: "repeat",
    fromStatus: "active",
    toStatus: "active",
    reason: "order",
    at: "2026-11-30T14:05:00.000Z",
  },
};

const VERIFY = `import { Webhook } from "standardwebhooks";

const wh = new Webhook(process.env.LADDER_WEBHOOK_SECRET); // "whsec_…"
// body: the raw request body as received, before any JSON parsing
const event = wh.verify(body, {
  "webhook-id": req.headers["webhook-id"],
  "webhook-timestamp": req.headers["webhook-timestamp"],
  "webhook-signature": req.headers["webhook-signature"],
}); // throws when the signature or the timestamp is wrong
// The same webhook-id on a retry: process each id once.`;

export async function WebhooksReference() {
  const t = await getTranslations("api.reference.webhooks");
  const tw = await getTranslations("webhooks");
  const format = await getFormatter();
  const delay = (ms: number) =>
    ms < 60_000
      ? format.number(ms / 1000, { style: "unit", unit: "second", unitDisplay: "short" })
      : ms < 3_600_000
        ? format.number(ms / 60_000, { style: "unit", unit: "minute", unitDisplay: "short" })
        : format.number(ms / 3_600_000, { style: "unit", unit: "hour", unitDisplay: "short" });
  return (
    <Card title={t("title")}>
      <div id="webhooks" className="space-y-3 text-sm text-slate-700">
        <p>{t("intro")}</p>
        <ul className="list-disc space-y-0.5 pl-5">
          <li>
            <code className="font-mono text-xs">webhook-id</code> — {t("id")}
          </li>
          <li>
            <code className="font-mono text-xs">webhook-timestamp</code> — {t("timestamp")}
          </li>
          <li>
            <code className="font-mono text-xs">webhook-signature</code> — {t("signature")}
          </li>
        </ul>
        <p>
          {t("retries", {
            count: RETRY_DELAYS_MS.length,
            delays: RETRY_DELAYS_MS.slice(1).map(delay).join(", "),
          })}
        </p>
        <h3 className="font-medium text-slate-800">{t("verify")}</h3>
        <pre className="overflow-x-auto rounded-md bg-slate-900 p-3 text-xs text-slate-100">{VERIFY}</pre>
        <h3 className="font-medium text-slate-800">{t("example")}</h3>
        <pre className="overflow-x-auto rounded-md bg-slate-50 p-3 text-xs text-slate-800">
          {JSON.stringify(EXAMPLE, null, 2)}
        </pre>
        <EventsTable
          caption={t("events")}
          labels={{ type: t("type"), when: t("when"), data: t("data") }}
          rows={WEBHOOK_EVENTS.map((event) => ({ event, when: tw(`events.${event}`), data: DATA[event] }))}
        />
      </div>
    </Card>
  );
}
