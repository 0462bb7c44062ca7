"use client";

import type { ReactNode } from "react";
import type { Column } from "@/app/_components/ui/data-table";
import { Link } from "@/app/_components/ui/link";

/** The account's name linking to its page, heading the row (the lists of the levels pages); `sub` under it. */
export function accountColumn<R extends { id: number; name: string }>(
  header: string,
  width: string,
  sub?: (row: R) => ReactNode,
): Column<R> {
  return {
    key: "account",
    header,
    rowHeader: true,
    className: width,
    cell: (r) => (
      <>
        <Link
          href={`/accounts/${r.id}`}
          className="block truncate font-medium text-brand-700 hover:underline"
          title={r.name}
        >
          {r.name}
        </Link>
        {sub?.(r)}
      </>
    ),
  };
}

/** The account's owner, "—" when it has none. */
export function ownerColumn<R extends { ownerName: string | null }>(
  header: string,
  width: string,
): Column<R> {
  return {
    key: "owner",
    header,
    className: `${width} truncate text-slate-600`,
    cell: (r) => r.ownerName ?? "—",
  };
}
