"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { z } from "zod";
import { useMoney } from "@/app/_components/report/format";
import { Button } from "@/app/_components/ui/button";
import { Alert, Card } from "@/app/_components/ui/card";
import { TextField } from "@/app/_components/ui/field";
import { messageAt } from "@/app/_components/ui/form-errors";
import { Link } from "@/app/_components/ui/link";
import { useTRPC } from "@/app/_trpc/client";
import { DealStatusBadge, dateInputToMs } from "@/app/(crm)/_components/deals/labels";
import { moneyText } from "@/app/(crm)/_components/deals/money-text";
import { createDealInput } from "@/server/deals/deals.schemas";
import { toMinorUnits } from "@/server/orders/orders.schemas";
import { accountDealsInput } from "./page-size";

/** A new deal as typed (the amount as text, a date), turned into the procedure's input and checked by it. */
function newDealForm(accountId: number, amountInvalid: string) {
  return z
    .object({
      title: z.string(),
      amount: moneyText(amountInvalid),
      category: z.string(),
      expected: z.string(),
    })
    .transform(
      (v): z.input<typeof createDealInput> => ({
        accountId,
        title: v.title,
        amount: toMinorUnits(v.amount),
        category: v.category || null,
        expectedCloseAt: v.expected ? dateInputToMs(v.expected) : null,
      }),
    )
    .pipe(createDealInput);
}
const EMPTY = { title: "", amount: "", category: "", expected: "" };

/** The account's deals, newest first, and "New deal" for those who may open one here. */
export function DealsCard({
  accountId,
  canAdd,
  startOpen = false,
}: {
  accountId: number;
  canAdd: boolean;
  /** Opened from the command palette's "New deal": the form shows at once. */
  startOpen?: boolean;
}) {
  const t = useTranslations("deals.card");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const money = useMoney();
  const deals = useQuery(trpc.deals.list.queryOptions(accountDealsInput(accountId)));
  const [open, setOpen] = useState(startOpen && canAdd);
  const schema = newDealForm(accountId, t("amountInvalid"));
  const form = useForm<z.input<typeof schema>, unknown, z.output<typeof schema>>({
    resolver: zodResolver(schema),
    defaultValues: EMPTY,
  });
  const [notice, setNotice] = useState<string | null>(null);
  const create = useMutation(
    trpc.deals.create.mutationOptions({
      onSuccess: async (deal) => {
        setNotice(t("created", { title: deal.title }));
        setOpen(false);
        form.reset(EMPTY);
        await queryClient.invalidateQueries(trpc.deals.list.pathFilter());
      },
    }),
  );
  const errors: Record<string, string[] | undefined> = create.error?.data?.fieldErrors ?? {};
  // The browser's check first (the same schema), then the server's refusal.
  const err = (name: string) => messageAt(form.formState.errors, name) ?? errors[name]?.[0];
  const submit = form.handleSubmit((input) => create.mutate(input));

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
            data-palette-target="deal"
            error={err("title")}
            {...form.register("title")}
          />
          <div className="grid gap-3 sm:grid-cols-3">
            <TextField
              label={t("amount")}
              required
              inputMode="decimal"
              error={err("amount")}
              {...form.register("amount")}
            />
            <TextField label={t("category")} error={err("category")} {...form.register("category")} />
            <TextField
              label={t("expectedClose")}
              type="date"
              error={err("expectedCloseAt")}
              {...form.register("expected")}
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
