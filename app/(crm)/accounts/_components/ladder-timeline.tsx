"use client";

import { useTranslations } from "next-intl";
import { useDate } from "@/app/_components/report/format";
import type { LadderHistoryItem } from "@/server/ladder/ladder.queries";

const SOURCES = ["trade_fair", "web", "referral", "directory"] as const;

/** The account's moves on the ladder (and off it: lapse, loss, win-back), newest first. */
export function LadderTimeline({ history }: { history: LadderHistoryItem[] }) {
  const t = useTranslations("accounts.ladder");
  const tEnums = useTranslations("enums");
  const date = useDate();

  if (history.length === 0) return <p className="text-sm text-slate-500">{t("empty")}</p>;

  // Reasons the system writes are codes with their details in the evidence (issue #12 §7), shown in the
  // reader's language; a reason a person typed is shown as typed.
  const reasonLabel = (reason: string | null, evidence: Record<string, unknown> | null) => {
    const e = evidence ?? {};
    switch (reason) {
      case "created": {
        const source = typeof e.source === "string" ? e.source : null;
        return source && SOURCES.includes(source as (typeof SOURCES)[number])
          ? `${t("reason.created")} · ${t(`source.${source as (typeof SOURCES)[number]}`)}`
          : t("reason.created");
      }
      case "order":
      case "import":
        return t(`reason.${reason}`);
      case "won_back":
        return typeof e.daysSinceLastOrder === "number"
          ? t("reason.wonBackAfter", { days: e.daysSinceLastOrder })
          : t("reason.won_back");
      case "lapsed":
        return typeof e.windowDays === "number"
          ? t("reason.lapsedAfter", { days: e.windowDays })
          : t("reason.lapsed");
      case "lost":
        return typeof e.lostReason === "string"
          ? t("reason.lostBecause", { reason: tEnums(`lostReason.${e.lostReason as "other"}`) })
          : tEnums("status.lost");
      default:
        return reason;
    }
  };

  return (
    <ol className="relative space-y-4 border-l border-slate-200 pl-4">
      {history.map((m) => {
        const ref = typeof m.evidence?.externalRef === "string" ? m.evidence.externalRef : null;
        const rungChanged = m.fromRung !== m.toRung;
        const statusChanged = m.fromStatus !== null && m.fromStatus !== m.toStatus;
        return (
          <li key={m.id} className="relative">
            <span
              aria-hidden="true"
              className="absolute top-1.5 -left-[21px] h-2.5 w-2.5 rounded-full border-2 border-white bg-brand-500"
            />
            <p className="text-sm font-medium text-slate-800">
              {m.fromRung === null
                ? t("created", { rung: tEnums(`rung.${m.toRung}`) })
                : rungChanged
                  ? t("moved", { from: tEnums(`rung.${m.fromRung}`), to: tEnums(`rung.${m.toRung}`) })
                  : null}
            </p>
            {statusChanged && m.fromStatus ? (
              <p className="text-sm text-slate-700">
                {t("statusMoved", {
                  from: tEnums(`status.${m.fromStatus}`),
                  to: tEnums(`status.${m.toStatus}`),
                })}
              </p>
            ) : null}
            <p className="mt-0.5 text-xs text-slate-500">
              <time dateTime={new Date(m.at).toISOString()}>{date(m.at)}</time>
              {" · "}
              {m.byUserName ? t("byUser", { name: m.byUserName }) : t("bySystem")}
              {m.reason ? ` · ${reasonLabel(m.reason, m.evidence)}` : null}
              {ref ? ` · ${t("orderRef", { ref })}` : null}
            </p>
          </li>
        );
      })}
    </ol>
  );
}
