"use client";

import { usePathname, useRouter } from "next/navigation";
import type { FormEventHandler, ReactNode } from "react";
import { Button } from "@/app/_components/ui/button";
import { cn } from "@/app/_components/ui/cn";

/** Puts a report's filters in its URL (a new history entry: shareable, bookmarkable, Back returns). */
export function useApplyFilters() {
  const router = useRouter();
  const pathname = usePathname();
  return (query: string) => router.push(`${pathname}?${query}`);
}

/**
 * A report's filters in one row, applied with a button (the dashboards, the executive range, the ladder report's
 * period); `after` goes behind the button. Not printed.
 */
export function FilterBar({
  label,
  apply,
  onSubmit,
  after,
  className,
  children,
}: {
  label: string;
  apply: string;
  onSubmit: FormEventHandler<HTMLFormElement>;
  after?: ReactNode;
  className?: string;
  children: ReactNode;
}) {
  return (
    <form
      aria-label={label}
      noValidate
      className={cn("no-print flex flex-wrap items-end gap-3", className)}
      onSubmit={onSubmit}
    >
      {children}
      <Button type="submit">{apply}</Button>
      {after}
    </form>
  );
}
