import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { LanguageSwitch } from "@/app/_components/language-switch";
import { Link } from "@/app/_components/ui/link";
import { navFor } from "@/app/_lib/nav";
import { getDb } from "@/db/client";
import { executiveViewers } from "@/server/auth/executive-access";
import type { SessionUser } from "@/server/context";
import { SideNav } from "./nav-links";
import { CommandPalette } from "./palette/command-palette";
import { SignOutButton } from "./sign-out-button";

export async function AppShell({ user, children }: { user: SessionUser; children: ReactNode }) {
  const t = await getTranslations("common");
  const items = navFor(user.role, executiveViewers(getDb())).map((item) => ({
    href: item.href,
    label: t(`nav.${item.key}`),
  }));
  return (
    <div className="min-h-screen md:flex">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:z-50 focus:rounded-md focus:bg-white focus:px-3 focus:py-2 focus:text-sm focus:font-medium focus:text-brand-700 focus:shadow-lg"
      >
        {t("shell.skipToContent")}
      </a>
      <aside className="border-b border-slate-200 bg-white md:sticky md:top-0 md:h-screen md:w-56 md:shrink-0 md:overflow-y-auto md:border-r md:border-b-0">
        <SideNav
          items={items}
          labels={{ nav: t("nav.main"), menu: t("shell.menu"), closeMenu: t("shell.closeMenu") }}
          brand={
            <Link href="/" className="flex items-center gap-2 font-semibold text-brand-700">
              <span
                aria-hidden="true"
                className="grid h-7 w-7 place-items-center rounded-md bg-brand-600 text-white"
              >
                ▤
              </span>
              {t("appName")}
            </Link>
          }
        />
      </aside>
      <div className="min-w-0 flex-1">
        <header className="no-print flex flex-wrap items-center justify-end gap-x-3 gap-y-2 border-b border-slate-200 bg-white px-3 py-2 text-sm sm:px-4">
          <div className="mr-auto min-w-0">
            <CommandPalette actor={{ id: user.id, role: user.role }} />
          </div>
          <Link
            href="/account"
            className="min-w-0 truncate text-slate-600 hover:text-slate-900 hover:underline"
          >
            <span className="sr-only sm:not-sr-only">{t("shell.signedInAs", { name: user.name })} · </span>
            {t(`roles.${user.role}`)}
          </Link>
          <LanguageSwitch signedIn />
          <SignOutButton label={t("shell.signOut")} />
        </header>
        {/* tabIndex -1: the skip link puts focus here, so the next Tab is the page's first control */}
        <main id="main" tabIndex={-1} className="mx-auto max-w-7xl px-3 py-4 outline-none sm:px-4 sm:py-6">
          {children}
        </main>
      </div>
    </div>
  );
}
