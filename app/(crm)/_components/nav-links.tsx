"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { cn } from "@/app/_components/ui/cn";

export function NavLinks({ items }: { items: Array<{ href: string; label: string }> }) {
  const pathname = usePathname();
  const matches = (href: string) => pathname === href || pathname.startsWith(`${href}/`);
  // The most specific matching link is the current one (/executive/value, not also /executive).
  const current = items
    .filter((item) => matches(item.href))
    .reduce<string | null>(
      (best, item) => (!best || item.href.length > best.length ? item.href : best),
      null,
    );
  return (
    <ul className="flex gap-1 overflow-x-auto md:flex-col">
      {items.map((item) => {
        const active = item.href === current;
        return (
          <li key={item.href}>
            <Link
              href={item.href}
              aria-current={active ? "page" : undefined}
              className={cn(
                "block whitespace-nowrap rounded-md px-3 py-1.5 text-sm",
                active ? "bg-brand-50 font-medium text-brand-700" : "text-slate-700 hover:bg-slate-100",
              )}
            >
              {item.label}
            </Link>
          </li>
        );
      })}
    </ul>
  );
}
