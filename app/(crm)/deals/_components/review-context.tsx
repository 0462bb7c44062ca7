"use client";

import type { inferRouterOutputs } from "@trpc/server";
import { useTranslations } from "next-intl";
import { useDate, useMoney } from "@/app/_components/report/format";
import { Card } from "@/app/_components/ui/card";
import { Link } from "@/app/_components/ui/link";
import { RungBadge, StatusBadge } from "@/app/(crm)/_components/accounts/badges";
import { DealStatusBadge, useReasonLabel } from "@/app/(crm)/_components/deals/labels";
import type { AppRouter } from "@/server/root";
import { Row } from "./deal-view";

type Context = inferRouterOutputs<AppRouter>["deals"]["reviewContext"];

/** The checklist's "customer's details and history" and "the business examined", shown rather than retyped. */
export function ReviewContext({ context }: { context: Context }) {
  const t = useTranslations("deals.review");
  const tList = useTranslations("deals.list");
  const tCategory = useTranslations("complain.category");
  const money = useMoney();
  const date = useDate();
  const reason = useReasonLabel();
  const { account, deal } = context;
  return (
    <div className="grid gap-5 lg:grid-cols-2">
      <Card title={t("customer")}>
        <div className="space-y-3 text-sm">
          <p className="flex flex-wrap items-center gap-2">
            <Link href={`/accounts/${account.id}`} className="font-medium text-brand-700 hover:underline">
              {account.name}
            </Link>
            <RungBadge rung={account.rung} />
            <StatusBadge status={account.status} />
          </p>
          <dl className="space-y-1">
            <Row label={t("orders")}>{account.orderCount}</Row>
            <Row label={t("revenue")}>{money(account.revenue)}</Row>
            <Row label={t("firstOrder")}>{date(account.firstOrderAt)}</Row>
            <Row label={t("lastOrder")}>{date(account.lastOrderAt)}</Row>
          </dl>
          <h3 className="font-medium text-slate-800">{t("recentOrders")}</h3>
          {context.recentOrders.length === 0 ? (
            <p className="text-slate-500">{t("noOrders")}</p>
          ) : (
            <ul className="space-y-0.5">
              {context.recentOrders.map((o) => (
                <li key={o.id} className="flex justify-between gap-2 tabular-nums">
                  <span>{date(o.orderedAt)}</span>
                  <span>{money(o.amount)}</span>
                </li>
              ))}
            </ul>
          )}
          <h3 className="font-medium text-slate-800">{t("complaints")}</h3>
          {context.complaints.length === 0 ? (
            <p className="text-slate-500">{t("noComplaints")}</p>
          ) : (
            <ul className="space-y-0.5">
              {context.complaints.map((c) => (
                <li key={c.id} className="flex flex-wrap justify-between gap-2">
                  <Link href={`/complaints/${c.id}`} className="hover:underline">
                    {c.reference} · {tCategory(c.category)}
                  </Link>
                  <span className="text-slate-500">
                    {date(c.receivedAt)} · {c.status === "closed" ? t("complaintClosed") : t("complaintOpen")}
                  </span>
                </li>
              ))}
            </ul>
          )}
          <h3 className="font-medium text-slate-800">{t("earlierDeals")}</h3>
          {context.earlierDeals.length === 0 ? (
            <p className="text-slate-500">{t("noDeals")}</p>
          ) : (
            <ul className="space-y-0.5">
              {context.earlierDeals.map((d) => (
                <li key={d.id} className="flex flex-wrap items-center justify-between gap-2">
                  <Link href={`/deals/${d.id}`} className="hover:underline">
                    {d.title}
                  </Link>
                  <span className="flex items-center gap-2">
                    <DealStatusBadge status={d.status} />
                    {d.ownerReason ? <span className="text-slate-500">{reason(d.ownerReason)}</span> : null}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </div>
      </Card>
      <Card title={t("business")}>
        <dl className="space-y-1 text-sm">
          <Row label={tList("deal")}>{deal.title}</Row>
          <Row label={tList("amount")}>{money(deal.amount)}</Row>
          <Row label={tList("stage")}>
            <DealStatusBadge status={deal.status} />
          </Row>
          <Row label={tList("date")}>{date(deal.closedAt)}</Row>
          <Row label={t("ownerSaid", { name: context.ownerName })}>
            {reason(deal.ownerReason)}
            {deal.ownerSecondaryReasons.length
              ? ` (${deal.ownerSecondaryReasons.map(reason).join(", ")})`
              : ""}
          </Row>
          {deal.competitorName ? <Row label={t("competitor")}>{deal.competitorName}</Row> : null}
        </dl>
      </Card>
    </div>
  );
}
