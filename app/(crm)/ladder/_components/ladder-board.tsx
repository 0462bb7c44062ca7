"use client";

import { useInfiniteQuery, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useRef, useState } from "react";
import { useMoney } from "@/app/_components/report/format";
import { Button } from "@/app/_components/ui/button";
import { SelectField } from "@/app/_components/ui/field";
import { Link } from "@/app/_components/ui/link";
import { LoadMoreButton } from "@/app/_components/ui/load-more";
import { useUrlView } from "@/app/_lib/use-url-view";
import { useTRPC } from "@/app/_trpc/client";
import { RungBadge } from "@/app/(crm)/_components/accounts/badges";
import { LadderDialog } from "@/app/(crm)/_components/ladder/ladder-dialog";
import { useNameLabel } from "@/app/(crm)/_components/name-labels";
import type { Rung } from "@/db/schema";
import { BOARD_COLUMNS, type BoardColumn } from "@/server/ladder/board.schemas";
import { BOARD_PAGE_SIZE, type BoardFilters, boardFilters, boardQuery } from "./board-filters";

/**
 * One column per rung (active accounts), then lapsed and lost; each pages by name. Keyboard-usable moves.
 * On a narrow screen one rung shows at a time, full width, chosen with the rung picker.
 */
export function LadderBoard() {
  const t = useTranslations("accounts.board");
  const columnTitle = useColumnTitle();
  const [shown, setShown] = useState<BoardColumn>(BOARD_COLUMNS[0]);
  const name = useNameLabel();
  const trpc = useTRPC();
  const [filters, setFilters] = useUrlView(boardFilters, boardQuery);
  const options = useQuery(trpc.accounts.filterOptions.queryOptions());
  const counts = useQuery(trpc.ladder.boardCounts.queryOptions(filters));
  const [moving, setMoving] = useState<{ id: number; name: string; rung: Rung; targets: Rung[] } | null>(
    null,
  );
  const [notice, setNotice] = useState<string | null>(null);
  const noticeRef = useRef<HTMLParagraphElement>(null);
  const [denied, setDenied] = useState<{ id: number; message: string } | null>(null);
  const queryClient = useQueryClient();

  const setFilter = (key: keyof BoardFilters, value: string) =>
    setFilters({ ...filters, [key]: value || undefined });

  const openMove = async (id: number, name: string) => {
    const allowed = await queryClient.fetchQuery(trpc.ladder.allowedMoves.queryOptions({ accountId: id }));
    if (!allowed.canEdit) {
      setDenied({ id, message: t("noMoves") });
      return;
    }
    if (allowed.targets.length === 0) {
      setDenied({ id, message: t("evidenceOnly") });
      return;
    }
    setDenied(null);
    setMoving({ id, name, rung: allowed.rung, targets: allowed.targets });
  };

  return (
    <div className="space-y-4">
      <search className="flex flex-wrap gap-3">
        <SelectField
          label={t("owner")}
          className="w-56"
          value={filters.ownerId ?? ""}
          onChange={(e) => setFilter("ownerId", e.target.value)}
          options={[
            { value: "", label: t("any") },
            ...(options.data?.owners ?? []).map((o) => ({ value: o.id, label: o.name })),
          ]}
        />
        <SelectField
          label={t("segment")}
          className="w-56"
          value={filters.segment ?? ""}
          onChange={(e) => setFilter("segment", e.target.value)}
          options={[
            { value: "", label: t("any") },
            ...(options.data?.segments ?? []).map((s) => ({ value: s, label: name("segment", s) })),
          ]}
        />
      </search>
      <SelectField
        label={t("showRung")}
        className="md:hidden"
        value={shown}
        onChange={(e) => setShown(e.target.value as BoardColumn)}
        options={BOARD_COLUMNS.map((c) => ({
          value: c,
          label: `${columnTitle(c)} · ${t("count", { count: counts.data?.[c] ?? 0 })}`,
        }))}
      />
      <p
        ref={noticeRef}
        role="status"
        tabIndex={-1}
        className="min-h-5 text-sm text-emerald-800 outline-none"
      >
        {notice}
      </p>
      <section aria-label={t("columns")} className="flex gap-3 overflow-x-auto pb-3">
        {BOARD_COLUMNS.map((column) => (
          <Column
            key={`${column}-${filters.ownerId ?? ""}-${filters.segment ?? ""}`}
            column={column}
            narrowHidden={column !== shown}
            count={counts.data?.[column] ?? 0}
            filters={filters}
            onMove={openMove}
            denied={denied}
          />
        ))}
      </section>
      {moving ? (
        <LadderDialog
          accountId={moving.id}
          rung={moving.rung}
          mode={{ kind: "move" }}
          targets={moving.targets}
          onClose={() => setMoving(null)}
          onDone={async (message, movedTo) => {
            const { id, name } = moving;
            setMoving(null);
            setNotice(t("moved", { name, message }));
            await queryClient.invalidateQueries({ queryKey: trpc.ladder.pathKey() });
            // Keyboard users carry on from the card in its new column once the board shows it there, or from
            // the notice when that column's loaded page does not show it.
            const inColumn = `section[aria-labelledby="board-${movedTo}"] [data-move-account="${id}"]`;
            const focusMoved = (tries: number) => {
              const card = movedTo ? document.querySelector<HTMLElement>(inColumn) : null;
              if (card) card.focus();
              else if (tries > 0) setTimeout(() => focusMoved(tries - 1), 50);
              else noticeRef.current?.focus();
            };
            focusMoved(40);
          }}
        />
      ) : null}
    </div>
  );
}

function useColumnTitle() {
  const tRung = useTranslations("enums.rung");
  const tStatus = useTranslations("enums.status");
  return (column: BoardColumn) =>
    column === "lapsed" || column === "lost" ? tStatus(column) : tRung(column);
}

function Column({
  column,
  narrowHidden,
  count,
  filters,
  onMove,
  denied,
}: {
  column: BoardColumn;
  /** Not the rung picked for a narrow screen: shown only when the board is wide enough for every column. */
  narrowHidden: boolean;
  count: number;
  filters: BoardFilters;
  onMove: (id: number, name: string) => void;
  denied: { id: number; message: string } | null;
}) {
  const t = useTranslations("accounts.board");
  const trpc = useTRPC();
  const money = useMoney();
  const offLadder = column === "lapsed" || column === "lost";
  const title = useColumnTitle()(column);
  const pages = useInfiniteQuery(
    trpc.ladder.column.infiniteQueryOptions(
      { ...filters, column, limit: BOARD_PAGE_SIZE },
      { getNextPageParam: (page) => page.nextCursor, enabled: count > 0 },
    ),
  );
  const items = pages.data?.pages.flatMap((p) => p.items) ?? [];
  const headingId = `board-${column}`;
  return (
    <section
      aria-labelledby={headingId}
      className={`${narrowHidden ? "hidden md:flex" : "flex"} w-full shrink-0 flex-col rounded-lg border md:w-60 ${offLadder ? "border-amber-200 bg-amber-50/40" : "border-slate-200 bg-slate-50"}`}
    >
      <header className="flex items-baseline justify-between gap-2 border-b border-slate-200 px-3 py-2">
        <h2 id={headingId} className="truncate text-sm font-semibold text-slate-800">
          {title}
        </h2>
        <span className="shrink-0 text-xs tabular-nums text-slate-500">{t("count", { count })}</span>
      </header>
      <ul className="flex-1 space-y-2 p-2">
        {count === 0 ? <li className="px-1 py-2 text-xs text-slate-500">{t("empty")}</li> : null}
        {items.map((a) => (
          <li key={a.id} className="rounded-md border border-slate-200 bg-white p-2 text-sm shadow-xs">
            <Link
              href={`/accounts/${a.id}`}
              className="block truncate font-medium text-brand-700 hover:underline"
              title={a.name}
            >
              {a.name}
            </Link>
            <div className="mt-1 flex items-center justify-between gap-2 text-xs text-slate-500">
              <span className="truncate">{a.ownerName ?? "—"}</span>
              <span className="shrink-0 tabular-nums">{money(a.revenue)}</span>
            </div>
            <div className="mt-1.5 flex items-center justify-between gap-2">
              {offLadder ? <RungBadge rung={a.rung} /> : <span />}
              {a.canMove ? (
                <Button
                  size="sm"
                  variant="ghost"
                  className="h-7 px-2 text-xs"
                  onClick={() => onMove(a.id, a.name)}
                  aria-label={t("move", { name: a.name })}
                  aria-haspopup="dialog"
                  data-move-account={a.id}
                >
                  {t("moveShort")}
                </Button>
              ) : null}
            </div>
            {denied?.id === a.id ? (
              <p role="status" className="mt-1 text-xs text-red-700">
                {denied.message}
              </p>
            ) : null}
          </li>
        ))}
      </ul>
      <div className="p-2 pt-0 empty:hidden">
        <LoadMoreButton query={pages} size="sm" className="w-full" label={t("loadMore")} />
      </div>
    </section>
  );
}
