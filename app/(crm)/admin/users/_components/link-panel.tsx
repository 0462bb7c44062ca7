"use client";

import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import { Button } from "@/app/_components/ui/button";
import { controlClass } from "@/app/_components/ui/field";

export type ShownLink = {
  name: string;
  email: string;
  link: string;
  kind: "invite" | "reset";
  emailed: boolean;
};

/** A one-time link the admin can copy and pass on (and whether it was also emailed). */
export function LinkPanel({ shown, onClose }: { shown: ShownLink; onClose: () => void }) {
  const t = useTranslations("users.link");
  const id = useId();
  const [copied, setCopied] = useState(false);
  const title =
    shown.kind === "invite" ? t("inviteTitle", { name: shown.name }) : t("resetTitle", { name: shown.name });
  return (
    <section
      aria-label={title}
      className="space-y-2 rounded-lg border border-emerald-200 bg-emerald-50/60 p-4 text-sm"
    >
      <h2 className="font-semibold text-slate-900">{title}</h2>
      <p className="text-slate-700">
        {shown.emailed ? t("emailed", { email: shown.email }) : t("notEmailed")}
      </p>
      <div className="flex flex-wrap items-end gap-2">
        <div className="min-w-0 flex-1 space-y-1">
          <label htmlFor={id} className="block text-xs font-medium text-slate-600">
            {t("label")}
          </label>
          <input
            id={id}
            readOnly
            value={shown.link}
            className={`${controlClass} font-mono text-xs`}
            onFocus={(e) => e.currentTarget.select()}
          />
        </div>
        <Button
          variant="secondary"
          onClick={async () => {
            await navigator.clipboard?.writeText(shown.link).catch(() => undefined);
            setCopied(true);
          }}
        >
          {copied ? t("copied") : t("copy")}
        </Button>
        <Button variant="ghost" onClick={onClose}>
          {t("close")}
        </Button>
      </div>
      <p className="text-xs text-slate-600">{t("once")}</p>
    </section>
  );
}
