"use client";

import { useQuery } from "@tanstack/react-query";
import { useSearchParams } from "next/navigation";
import { useTranslations } from "next-intl";
import { type ReactNode, useEffect } from "react";
import { useDate, useMoney } from "@/app/_components/report/format";
import { ButtonLink } from "@/app/_components/ui/button";
import { Alert, Card, Spinner } from "@/app/_components/ui/card";
import { Link } from "@/app/_components/ui/link";
import { useTRPC } from "@/app/_trpc/client";
import { RungBadge, StatusBadge } from "@/app/(crm)/_components/accounts/badges";
import { AccountActivities } from "@/app/(crm)/_components/activity/account-activities";
import { AccountTasks } from "@/app/(crm)/_components/activity/account-tasks";
import { LadderPath } from "@/app/(crm)/_components/ladder/ladder-path";
import { LevelCard } from "@/app/(crm)/_components/levels/level-card";
import { FeedbackCard } from "@/app/(crm)/_components/listening/feedback-card";
import { ReferralsCard } from "@/app/(crm)/_components/listening/referrals-card";
import { SurveysCard } from "@/app/(crm)/_components/listening/surveys-card";
import { useNameLabel } from "@/app/(crm)/_components/name-labels";
import { ComplaintsCard } from "./complaints-card";
import { ContactsCard } from "./contacts-card";
import { DealsCard } from "./deals-card";
import { LadderTimeline } from "./ladder-timeline";
import { OrdersCard } from "./orders-card";

export function AccountView({ id }: { id: number }) {
  const t = useTranslations("accounts.detail");
  const tEnums = useTranslations("enums");
  const name = useNameLabel();
  const tCommon = useTranslations("common");
  const tLadder = useTranslations("accounts.ladder");
  const trpc = useTRPC();
  const money = useMoney();
  const date = useDate();
  const account = useQuery(trpc.accounts.get.queryOptions({ id }));
  const action = paletteAction(useSearchParams().get("do"));
  const loaded = account.isSuccess;
  // The command palette's actions land here (?do=call|task|deal): the form they name takes the focus.
  useEffect(() => {
    if (!action || !loaded) return;
    const field = document.querySelector<HTMLElement>(`[data-palette-target="${action}"]`);
    field?.scrollIntoView({ block: "center" });
    field?.focus({ preventScroll: true });
  }, [action, loaded]);

  if (account.isPending) return <Spinner label={tCommon("states.loading")} />;
  if (account.isError) return <Alert>{tCommon("states.error")}</Alert>;
  const a = account.data;
  const { permissions, figures, contacts } = a;

  return (
    <div className="space-y-5">
      <nav aria-label={t("backToList")} className="text-sm">
        <Link href="/accounts" className="text-brand-700 hover:underline">
          ← {t("backToList")}
        </Link>
      </nav>
      <header className="flex items-start justify-between gap-4">
        <div className="min-w-0 flex-1">
          <h1 className="break-words text-2xl font-semibold text-slate-900">{a.name}</h1>
          <div className="mt-2 flex flex-wrap items-center gap-2 text-sm text-slate-600">
            <RungBadge rung={a.rung} />
            <StatusBadge status={a.status} />
            {a.status === "lost" && a.lostReason ? (
              <span>{t("lostReason", { reason: tEnums(`lostReason.${a.lostReason}`) })}</span>
            ) : null}
            <span className="text-slate-500">·</span>
            <span>{t("since", { date: date(a.rungSince) })}</span>
          </div>
          <dl className="mt-3 flex flex-wrap gap-x-6 gap-y-1 text-sm">
            <Fact label={t("owner")}>{a.ownerName ?? "—"}</Fact>
            <Fact label={t("level")}>{tEnums(`level.${a.level}`)}</Fact>
            <Fact label={t("kind")}>{tEnums(`kind.${a.kind}`)}</Fact>
            {a.segment ? <Fact label={t("segment")}>{name("segment", a.segment)}</Fact> : null}
            {a.industry ? <Fact label={t("industry")}>{a.industry}</Fact> : null}
            {a.externalRef ? <Fact label={t("externalRef")}>{a.externalRef}</Fact> : null}
          </dl>
        </div>
        {permissions.canEdit ? (
          <ButtonLink variant="secondary" className="shrink-0" href={`/accounts/${a.id}/edit`}>
            {t("edit")}
          </ButtonLink>
        ) : null}
      </header>

      <section aria-labelledby="figures-heading">
        <h2 id="figures-heading" className="sr-only">
          {t("figures")}
        </h2>
        <dl className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-5">
          <Figure label={t("firstOrder")}>{date(figures.firstOrderAt)}</Figure>
          <Figure label={t("lastOrder")}>{date(figures.lastOrderAt)}</Figure>
          <Figure label={t("orderCount")}>{figures.orderCount}</Figure>
          <Figure label={t("revenue")}>{money(figures.revenue)}</Figure>
          <Figure label={t("marginPct")}>
            {figures.marginPct == null ? t("none") : `${figures.marginPct}%`}
          </Figure>
        </dl>
      </section>

      <LadderPath
        accountId={a.id}
        rung={a.rung}
        status={a.status}
        statusSince={a.statusSince}
        history={a.history}
      />

      <div className="grid gap-5 lg:grid-cols-3">
        <div className="min-w-0 space-y-5 lg:col-span-2">
          <OrdersCard accountId={a.id} rung={a.rung} canAdd={permissions.canEdit} />
          <DealsCard accountId={a.id} canAdd={permissions.canEdit} startOpen={action === "deal"} />
          {permissions.canSeeComplaints ? (
            <ComplaintsCard accountId={a.id} canRecord={permissions.canRecordComplaint} />
          ) : null}
          <FeedbackCard
            accountId={a.id}
            accountName={a.name}
            contacts={contacts.map((c) => ({ id: c.id, name: c.name }))}
          />
          <AccountActivities
            accountId={a.id}
            canLog={permissions.canLogActivity}
            contacts={contacts.map((c) => ({ id: c.id, name: c.name }))}
          />
        </div>
        <div className="min-w-0 space-y-5">
          <ContactsCard accountId={a.id} contacts={contacts} canEdit={permissions.canEdit} />
          <LevelCard accountId={a.id} />
          <SurveysCard
            accountId={a.id}
            contacts={contacts.map((c) => ({ id: c.id, name: c.name, email: c.email }))}
          />
          <ReferralsCard accountId={a.id} canEdit={permissions.canEdit} />
          <AccountTasks accountId={a.id} canWrite={permissions.canWriteTasks} />
          <Card title={tLadder("title")}>
            <LadderTimeline history={a.history} />
          </Card>
        </div>
      </div>
    </div>
  );
}

const PALETTE_ACTIONS = ["call", "task", "deal"] as const;

function paletteAction(value: string | null): (typeof PALETTE_ACTIONS)[number] | null {
  return PALETTE_ACTIONS.find((a) => a === value) ?? null;
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="flex gap-1.5">
      <dt className="text-slate-500">{label}:</dt>
      <dd className="font-medium text-slate-800">{children}</dd>
    </div>
  );
}

function Figure({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="rounded-lg border border-slate-200 bg-white px-4 py-3">
      <dt className="text-xs font-medium text-slate-500">{label}</dt>
      <dd className="mt-1 truncate text-lg font-semibold tabular-nums text-slate-900">{children}</dd>
    </div>
  );
}
