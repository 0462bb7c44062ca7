"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { type FormEvent, useState } from "react";
import { useMoney } from "@/app/_components/report/format";
import { Button } from "@/app/_components/ui/button";
import { Alert, Card } from "@/app/_components/ui/card";
import { TextField } from "@/app/_components/ui/field";
import { useTRPC } from "@/app/_trpc/client";
import { DealStatusBadge, dateInputToMs } from "@/app/(crm)/_components/deals/labels";
import { toMinorUnits } from "@/server/orders/orders.schemas";

const MONEY = /^\d{1,10}(\.\d{1,2})?$/;

/** The account's deals, newest first, and "New deal" for those who may open one here. */
export function DealsCard({ accountId, canAdd }: { accountId: number; canAdd: boolean }) {
  const t = useTranslations("deals.card");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const money = useMoney();
  const input = { accountId, ownerId: "all", limit: 10, status: null, q: null };
  const deals = useQuery(trpc.deals.list.queryOptions(input));
  const [open, setOpen] = useState(false);
  const [title, setTitle] = useState("");
  const [amount, setAmount] = useState("");
  const [category, setCategory] = useState("");
  const [expected, setExpected] = useState("");
  const [amountError, setAmountError] = useState<string | undefined>();
  const [notice, setNotice] = useState<string | null>(null);
  const create = useMutation(
    trpc.deals.create.mutationOptions({
      onSuccess: async (deal) => {
        setNotice(t("created", { title: deal.title }));
        setOpen(false);
        setTitle("");
        setAmount("");
        setCategory("");
        setExpected("");
        await queryClient.invalidateQueries(trpc.deals.list.pathFilter());
      },
    }),
  );
  const errors: Record<string, string[] | undefined> = create.error?.data?.fieldErrors ?? {};
  const err = (name: string) => errors[name]?.[0];

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!MONEY.test(amount.trim())) {
      setAmountError(t("amountInvalid"));
      return;
    }
    setAmountError(undefined);
    create.mutate({
      accountId,
      title,
      amount: toMinorUnits(amount.trim()),
      category: category || null,
      expectedCloseAt: expected ? dateInputToMs(expected) : null,
    });
  };

  return (
    <Card
      title={t("title")}
      actions={
        canAdd && !open ? (
          <Button size="sm" variant="secondary" onClick={() => setOpen(true)}>
            {t("new")}
          </Button>
        ) : null
      }
    >
      {notice ? (
        <div className="mb-3">
          <Alert tone="success">{notice}</Alert>
        </div>
      ) : null}
      {open ? (
        <form
          onSubmit={submit}
          noValidate
          aria-label={t("new")}
          className="mb-3 space-y-3 border-b border-slate-100 pb-4"
        >
          {create.error && !Object.keys(errors).length ? <Alert>{create.error.message}</Alert> : null}
          <TextField
            label={t("titleField")}
            required
            value={title}
            onChange={(e) => setTitle(e.target.value)}
            error={err("title")}
          />
          <div className="grid gap-3 sm:grid-cols-3">
            <TextField
              label={t("amount")}
              required
              inputMode="decimal"
              value={amount}
              onChange={(e) => setAmount(e.target.value)}
              error={amountError ?? err("amount")}
            />
            <TextField
              label={t("category")}
              value={category}
              onChange={(e) => setCategory(e.target.value)}
              error={err("category")}
            />
            <TextField
              label={t("expectedClose")}
              type="date"
              value={expected}
              onChange={(e) => setExpected(e.target.value)}
              error={err("expectedCloseAt")}
            />
          </div>
          <div className="flex justify-end gap-2">
            <Button variant="secondary" onClick={() => setOpen(false)}>
              {t("cancel")}
            </Button>
            <Button type="submit" disabled={create.isPending}>
              {t("save")}
            </Button>
          </div>
        </form>
      ) : null}
      {deals.data && deals.data.items.length === 0 ? (
        <p className="text-sm text-slate-500">{t("empty")}</p>
      ) : (
        <ul className="divide-y divide-slate-100">
          {(deals.data?.items ?? []).map((d) => (
            <li key={d.id} className="flex flex-wrap items-center justify-between gap-2 py-2 text-sm">
              <Link
                href={`/deals/${d.id}`}
                className="min-w-0 truncate font-medium text-brand-700 hover:underline"
              >
                {d.title}
              </Link>
              <span className="flex items-center gap-2">
                <span className="tabular-nums text-slate-600">{money(d.amount)}</span>
                <DealStatusBadge status={d.status} stage={d.stage} />
              </span>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
