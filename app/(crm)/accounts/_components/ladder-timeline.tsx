"use client";

import { useTranslations } from "next-intl";
import { useDate } from "@/app/_components/report/format";
import type { LadderHistoryItem } from "@/server/ladder/ladder.queries";

/** The account's moves on the ladder (and off it: lapse, loss, win-back), newest first. */
export function LadderTimeline({ history }: { history: LadderHistoryItem[] }) {
  const t = useTranslations("accounts.ladder");
  const tEnums = useTranslations("enums");
  const date = useDate();

  if (history.length === 0) return <p className="text-sm text-slate-500">{t("empty")}</p>;

  const reasonLabel = (reason: string | null) =>
    reason === "created" || reason === "order" || reason === "won_back" || reason === "lapsed"
      ? t(`reason.${reason}`)
      : reason;

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
              {m.reason ? ` · ${reasonLabel(m.reason)}` : null}
              {ref ? ` · ${t("orderRef", { ref })}` : null}
            </p>
          </li>
        );
      })}
    </ol>
  );
}
