"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useInfiniteQuery, useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { CURRENCY, useDate, useMoney } from "@/app/_components/report/format";
import { Button } from "@/app/_components/ui/button";
import { Alert, Card } from "@/app/_components/ui/card";
import { DataTable, paged } from "@/app/_components/ui/data-table";
import { TextField } from "@/app/_components/ui/field";
import { useTRPC } from "@/app/_trpc/client";
import type { Rung } from "@/db/schema";
import { type OrderFormValues, orderFormSchema, orderFormToInput } from "@/server/orders/orders.schemas";
import { applyServerErrors, useFieldMessage } from "./form-errors";
import { ORDERS_PAGE_SIZE } from "./page-size";

export function OrdersCard({ accountId, rung, canAdd }: { accountId: number; rung: Rung; canAdd: boolean }) {
  const t = useTranslations("accounts.orders");
  const trpc = useTRPC();
  const money = useMoney();
  const date = useDate();
  const [adding, setAdding] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const orders = useInfiniteQuery(
    trpc.orders.listForAccount.infiniteQueryOptions(
      { accountId, limit: ORDERS_PAGE_SIZE },
      { getNextPageParam: (page) => page.nextCursor },
    ),
  );
  const items = orders.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <Card
      title={t("title")}
      actions={
        canAdd && !adding ? (
          <Button
            size="sm"
            variant="secondary"
            onClick={() => {
              setNotice(null);
              setAdding(true);
            }}
          >
            {t("add")}
          </Button>
        ) : null
      }
    >
      {notice ? (
        <div className="mb-3">
          <Alert tone="success">{notice}</Alert>
        </div>
      ) : null}
      {adding ? (
        <OrderForm
          accountId={accountId}
          rung={rung}
          onDone={(message) => {
            setAdding(false);
            if (message) setNotice(message);
          }}
        />
      ) : null}
      <DataTable
        variant="report"
        caption={t("title")}
        {...paged(orders, t("loadMore"))}
        empty={<p className="text-sm text-slate-600">{t("empty")}</p>}
        rows={items}
        rowKey={(o) => o.id}
        columns={[
          { key: "date", header: t("date"), className: "whitespace-nowrap", cell: (o) => date(o.orderedAt) },
          { key: "ref", header: t("ref"), className: "max-w-40 truncate", cell: (o) => o.externalRef ?? "—" },
          {
            key: "category",
            header: t("category"),
            className: "max-w-40 truncate",
            cell: (o) => o.category ?? "—",
          },
          {
            key: "amount",
            header: t("amount"),
            align: "right",
            className: "whitespace-nowrap",
            cell: (o) => money(o.amount),
          },
          {
            key: "margin",
            header: t("margin"),
            align: "right",
            className: "whitespace-nowrap",
            cell: (o) => money(o.margin),
          },
        ]}
      />
    </Card>
  );
}

function OrderForm({
  accountId,
  rung,
  onDone,
}: {
  accountId: number;
  rung: Rung;
  onDone: (message?: string) => void;
}) {
  const t = useTranslations("accounts.orders");
  const tErr = useTranslations("accounts.errors");
  const tEnums = useTranslations("enums");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const message = useFieldMessage();
  const [failure, setFailure] = useState<string | null>(null);
  const form = useForm<OrderFormValues>({
    resolver: zodResolver(orderFormSchema),
    defaultValues: {
      externalRef: "",
      orderedAt: new Date().toISOString().slice(0, 10),
      amount: "",
      margin: "",
      category: "",
    },
  });
  const create = useMutation(
    trpc.orders.create.mutationOptions({
      onError: (error) => {
        if (applyServerErrors(error.data?.fieldErrors, form.setError)) setFailure(tErr("generic"));
        else setFailure(error.data?.code === "FORBIDDEN" ? tErr("forbidden") : tErr("failed"));
      },
      onSuccess: async (result) => {
        // The order changes the account's figures, maybe its rung, and the list's sort values.
        await Promise.all([
          queryClient.invalidateQueries({ queryKey: trpc.orders.listForAccount.pathKey() }),
          queryClient.invalidateQueries({ queryKey: trpc.accounts.pathKey() }),
          queryClient.invalidateQueries({ queryKey: trpc.ladder.pathKey() }),
        ]);
        onDone(result.rung !== rung ? t("movedTo", { rung: tEnums(`rung.${result.rung}`) }) : t("saved"));
      },
    }),
  );
  const submit = form.handleSubmit((values) => {
    setFailure(null);
    create.mutate(orderFormToInput(accountId, values));
  });
  const { errors } = form.formState;
  const err = (field: keyof OrderFormValues) => message(field, errors[field], "order");

  return (
    <form
      onSubmit={submit}
      noValidate
      aria-label={t("add")}
      className="mb-4 space-y-3 rounded-md bg-slate-50 p-3"
      onKeyDown={(e) => {
        if (e.key === "Escape") onDone();
      }}
    >
      {failure ? <Alert>{failure}</Alert> : null}
      <div className="grid gap-3 sm:grid-cols-3">
        <TextField
          label={t("date")}
          type="date"
          required
          autoFocus
          error={err("orderedAt")}
          {...form.register("orderedAt")}
        />
        <TextField
          label={t("amount")}
          inputMode="decimal"
          required
          hint={t("amountHint", { currency: CURRENCY })}
          error={err("amount")}
          {...form.register("amount")}
        />
        <TextField
          label={t("margin")}
          inputMode="decimal"
          required
          error={err("margin")}
          {...form.register("margin")}
        />
        <TextField label={t("ref")} error={err("externalRef")} {...form.register("externalRef")} />
        <TextField label={t("category")} error={err("category")} {...form.register("category")} />
      </div>
      <div className="flex gap-2">
        <Button type="submit" size="sm" disabled={create.isPending}>
          {t("save")}
        </Button>
        <Button size="sm" variant="secondary" onClick={() => onDone()}>
          {t("cancel")}
        </Button>
      </div>
    </form>
  );
}
