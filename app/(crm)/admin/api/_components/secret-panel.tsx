"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/app/_components/ui/button";
import type { CreatedKey } from "./create-key-form";

/** The new key's secret, shown this once. */
export function SecretPanel({ created, onClose }: { created: CreatedKey; onClose: () => void }) {
  const t = useTranslations("api");
  const [copied, setCopied] = useState(false);
  return (
    <section
      aria-labelledby="api-secret-title"
      className="space-y-2 rounded-lg border border-emerald-200 bg-emerald-50 p-4 text-sm text-emerald-900"
    >
      <h2 id="api-secret-title" className="font-semibold">
        {t("secret.title", { name: created.name })}
      </h2>
      <p>{t("secret.body")}</p>
      <div className="flex flex-wrap items-center gap-2">
        <label className="sr-only" htmlFor="api-secret-value">
          {t("secret.label")}
        </label>
        <input
          id="api-secret-value"
          readOnly
          value={created.secret}
          onFocus={(e) => e.target.select()}
          className="min-w-0 flex-1 rounded-md border border-emerald-300 bg-white px-3 py-1.5 font-mono text-xs"
        />
        <Button
          variant="secondary"
          onClick={async () => {
            await navigator.clipboard?.writeText(created.secret).catch(() => undefined);
            setCopied(true);
          }}
        >
          {copied ? t("secret.copied") : t("secret.copy")}
        </Button>
        <Button variant="ghost" onClick={onClose}>
          {t("secret.done")}
        </Button>
      </div>
    </section>
  );
}
