"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useDate, useMoney } from "@/app/_components/report/format";
import { Button } from "@/app/_components/ui/button";
import { Alert, Card, Spinner } from "@/app/_components/ui/card";
import { Link } from "@/app/_components/ui/link";
import { useTRPC } from "@/app/_trpc/client";
import { AccountPicker } from "@/app/(crm)/_components/accounts/account-picker";
import { RungBadge } from "@/app/(crm)/_components/accounts/badges";
import { useFieldErrors } from "./labels";

/** Who referred this account, and whom it brought in with their revenue (issue #13 §3). */
export function ReferralsCard({ accountId, canEdit }: { accountId: number; canEdit: boolean }) {
  const t = useTranslations("feedback.referrals");
  const tCommon = useTranslations("common");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const money = useMoney();
  const date = useDate("numeric");
  const data = useQuery(trpc.advocates.referrals.queryOptions({ accountId }));
  const [editing, setEditing] = useState(false);
  const [picked, setPicked] = useState<{ id: number; name: string } | null>(null);
  const save = useMutation(
    trpc.advocates.setReferrer.mutationOptions({
      onSuccess: async () => {
        setEditing(false);
        setPicked(null);
        await Promise.all([
          queryClient.invalidateQueries({ queryKey: trpc.advocates.pathKey() }),
          queryClient.invalidateQueries({ queryKey: trpc.ladder.pathKey() }),
        ]);
      },
    }),
  );
  const errors = useFieldErrors(save.error, ["referredByAccountId"]);
  const r = data.data;

  return (
    <Card title={t("title")}>
      {data.isPending || !r ? (
        <Spinner label={tCommon("states.loading")} />
      ) : (
        <div className="space-y-4 text-sm">
          <div>
            <p className="font-medium text-slate-700">{t("referredBy")}</p>
            {editing ? (
              <div className="mt-2 space-y-2">
                <AccountPicker
                  namespace="feedback.referrerPicker"
                  accountId={picked?.id ?? null}
                  accountName={picked?.name ?? null}
                  onChange={setPicked}
                  excludeId={accountId}
                  required={false}
                  error={errors.field("referredByAccountId")}
                />
                {errors.general ? <Alert>{errors.general}</Alert> : null}
                <div className="flex flex-wrap gap-2">
                  <Button
                    size="sm"
                    disabled={!picked || save.isPending}
                    onClick={() => picked && save.mutate({ accountId, referrerId: picked.id })}
                  >
                    {t("save")}
                  </Button>
                  <Button size="sm" variant="secondary" onClick={() => setEditing(false)}>
                    {tCommon("actions.cancel")}
                  </Button>
                </div>
              </div>
            ) : (
              <div className="mt-1 flex flex-wrap items-center gap-2">
                {r.referrer ? (
                  <Link href={`/accounts/${r.referrer.id}`} className="text-brand-700 hover:underline">
                    {r.referrer.name}
                  </Link>
                ) : (
                  <span className="text-slate-500">{t("nobody")}</span>
                )}
                {canEdit ? (
                  <>
                    <Button size="sm" variant="ghost" onClick={() => setEditing(true)}>
                      {r.referrer ? t("change") : t("set")}
                    </Button>
                    {r.referrer ? (
                      <Button
                        size="sm"
                        variant="ghost"
                        disabled={save.isPending}
                        onClick={() => save.mutate({ accountId, referrerId: null })}
                      >
                        {t("remove")}
                      </Button>
                    ) : null}
                  </>
                ) : null}
              </div>
            )}
          </div>
          <div>
            <p className="font-medium text-slate-700">{t("brought")}</p>
            {r.brought.length === 0 ? (
              <p className="mt-1 text-slate-500">{t("broughtEmpty")}</p>
            ) : (
              <>
                <p className="mt-1 text-slate-600" data-testid="referral-totals">
                  {t("totals", {
                    accounts: r.totals.accounts,
                    customers: r.totals.customers,
                    revenue: money(r.totals.revenue),
                  })}
                </p>
                <ul className="mt-2 divide-y divide-slate-100">
                  {r.brought.map((b) => (
                    <li key={b.id} className="flex flex-wrap items-center gap-2 py-1.5">
                      <Link
                        href={`/accounts/${b.id}`}
                        className="min-w-0 truncate text-brand-700 hover:underline"
                      >
                        {b.name}
                      </Link>
                      <RungBadge rung={b.rung} />
                      <span className="ml-auto tabular-nums text-slate-700">{money(b.revenue)}</span>
                      <span className="w-full text-xs text-slate-500">{date(b.createdAt)}</span>
                    </li>
                  ))}
                </ul>
              </>
            )}
          </div>
        </div>
      )}
    </Card>
  );
}
