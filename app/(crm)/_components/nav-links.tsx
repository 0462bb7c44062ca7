"use client";

// The app's sections. Wide screens show the list down the side; narrow ones (a phone at 390 px) fold it
// behind a Menu button in the top bar, which opens it as a full-width list and closes on navigation or Esc.

import { usePathname } from "next/navigation";
import { type ReactNode, useEffect, useRef, useState } from "react";
import { cn } from "@/app/_components/ui/cn";
import { Link } from "@/app/_components/ui/link";

type Item = { href: string; label: string };

export function SideNav({
  items,
  brand,
  labels,
}: {
  items: Item[];
  brand: ReactNode;
  labels: { nav: string; menu: string; closeMenu: string };
}) {
  const pathname = usePathname();
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  // A link followed (or Back) closes the menu.
  // biome-ignore lint/correctness/useExhaustiveDependencies: the path changing is the trigger
  useEffect(() => setOpen(false), [pathname]);
  // The longest matching href wins, so /win-loss/reviews marks "Review queue" and not also "Win/loss".
  const matches = (href: string) => pathname === href || pathname.startsWith(`${href}/`);
  const current = items.filter((i) => matches(i.href)).sort((a, b) => b.href.length - a.href.length)[0]?.href;
  return (
    <>
      <div className="flex items-center justify-between gap-2 px-4 py-3 md:block">
        {brand}
        <button
          ref={button}
          type="button"
          className="inline-flex h-9 items-center gap-1.5 rounded-md border border-slate-300 px-3 text-sm font-medium text-slate-700 hover:bg-slate-100 md:hidden"
          aria-expanded={open}
          aria-controls="main-nav"
          onClick={() => setOpen((o) => !o)}
        >
          <span aria-hidden="true">{open ? "✕" : "☰"}</span>
          {open ? labels.closeMenu : labels.menu}
        </button>
      </div>
      <nav
        id="main-nav"
        aria-label={labels.nav}
        className={cn("px-2 pb-2", open ? "block" : "hidden md:block")}
        onKeyDown={(e) => {
          if (e.key === "Escape" && open) {
            setOpen(false);
            button.current?.focus();
          }
        }}
      >
        <ul className="flex flex-col gap-1">
          {items.map((item) => {
            const active = item.href === current;
            return (
              <li key={item.href}>
                <Link
                  href={item.href}
                  aria-current={active ? "page" : undefined}
                  className={cn(
                    "block whitespace-nowrap rounded-md px-3 py-2 text-sm md:py-1.5",
                    active ? "bg-brand-50 font-medium text-brand-700" : "text-slate-700 hover:bg-slate-100",
                  )}
                >
                  {item.label}
                </Link>
              </li>
            );
          })}
        </ul>
      </nav>
    </>
  );
}
