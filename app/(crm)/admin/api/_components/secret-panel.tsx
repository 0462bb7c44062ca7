"use client";

import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import { Button } from "@/app/_components/ui/button";
import type { CreatedKey } from "./create-key-form";

type Texts = { title: string; body: string; label: string };

/** A secret shown this once (a new API key; a webhook endpoint's signing secret, with its own `texts`). */
export function SecretPanel({
  created,
  onClose,
  texts,
}: {
  created: CreatedKey;
  onClose: () => void;
  texts?: Texts;
}) {
  const t = useTranslations("api");
  const id = useId();
  const [copied, setCopied] = useState(false);
  const shown = texts ?? {
    title: t("secret.title", { name: created.name }),
    body: t("secret.body"),
    label: t("secret.label"),
  };
  return (
    <section
      aria-labelledby={`${id}-title`}
      className="space-y-2 rounded-lg border border-emerald-200 bg-emerald-50 p-4 text-sm text-emerald-900"
    >
      <h2 id={`${id}-title`} className="font-semibold break-all">
        {shown.title}
      </h2>
      <p>{shown.body}</p>
      <div className="flex flex-wrap items-center gap-2">
        <label className="sr-only" htmlFor={`${id}-value`}>
          {shown.label}
        </label>
        <input
          id={`${id}-value`}
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
