"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import { Button } from "@/app/_components/ui/button";
import { Alert, Card, Spinner } from "@/app/_components/ui/card";
import { useTRPC } from "@/app/_trpc/client";
import { DealTable } from "@/app/(crm)/_components/deals/deal-table";
import type { DealStatus } from "@/db/schema";
import type { DashboardInput } from "@/server/deals/deals.schemas";
import type { Drill } from "./drill";

const PAGE = 25;

/** The deals behind a clicked bar, paged; focus moves here so keyboard users land on the list. */
export function DealsBehind({
  input,
  drill,
  onClose,
}: {
  input: DashboardInput;
  drill: Drill;
  onClose: () => void;
}) {
  const t = useTranslations("deals.dashboard");
  const tQueue = useTranslations("deals.queue");
  const trpc = useTRPC();
  const [offset, setOffset] = useState(0);
  const ref = useRef<HTMLHeadingElement>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new drill starts at its first page
  useEffect(() => {
    setOffset(0);
    ref.current?.focus();
  }, [drill]);
  const deals = useQuery({
    ...trpc.deals.dealsBehind.queryOptions({
      filters: input,
      kind: drill.kind,
      value: drill.value,
      outcome: drill.outcome ?? null,
      offset,
      limit: PAGE,
    }),
    placeholderData: keepPreviousData,
  });
  return (
    <Card
      title={
        <span ref={ref} tabIndex={-1}>
          {t("behind", { label: drill.label })}
        </span>
      }
      actions={
        <Button size="sm" variant="secondary" onClick={onClose}>
          {t("closeList")}
        </Button>
      }
    >
      {deals.isPending ? (
        <Spinner label={t("loading")} />
      ) : deals.isError ? (
        <Alert>{deals.error.message}</Alert>
      ) : (
        <div>
          <DealTable
            variant="report"
            caption={t("behind", { label: drill.label })}
            rows={deals.data.items.map((d) => ({ ...d, status: d.status as DealStatus, date: d.closedAt }))}
          />
          <div className="mt-2 flex gap-2">
            <Button
              size="sm"
              variant="secondary"
              disabled={offset === 0}
              onClick={() => setOffset(Math.max(0, offset - PAGE))}
            >
              {tQueue("previous")}
            </Button>
            <Button
              size="sm"
              variant="secondary"
              disabled={!deals.data.hasMore}
              onClick={() => setOffset(offset + PAGE)}
            >
              {tQueue("next")}
            </Button>
          </div>
        </div>
      )}
    </Card>
  );
}
