"use client";

import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useDeferredValue, useEffect, useRef, useState } from "react";
import { Button } from "@/app/_components/ui/button";
import { TextField } from "@/app/_components/ui/field";
import { useTRPC } from "@/app/_trpc/client";

/**
 * Finds an account by name with accounts.list (q), or shows the chosen one with "Change". Its words come from
 * a catalog namespace with the keys account, change, accountSearch, accountSearchHint and noAccounts.
 */
export function AccountPicker({
  accountId,
  accountName,
  onChange,
  error,
  namespace = "complaints.intake",
  excludeId,
  required = true,
}: {
  accountId: number | null;
  accountName: string | null;
  onChange: (account: { id: number; name: string } | null) => void;
  error?: string;
  namespace?: "complaints.intake" | "feedback.picker" | "feedback.referrerPicker";
  /** An account that may not be chosen (the account itself, when picking who referred it). */
  excludeId?: number;
  required?: boolean;
}) {
  const t = useTranslations(namespace);
  const trpc = useTRPC();
  const [q, setQ] = useState("");
  // After choosing (or "Change"), the control under the keyboard is replaced: focus follows to its successor.
  const [moveFocus, setMoveFocus] = useState(false);
  const changeRef = useRef<HTMLButtonElement>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  const chosen = accountId !== null;
  useEffect(() => {
    if (!moveFocus) return;
    (chosen ? changeRef.current : searchRef.current)?.focus();
    setMoveFocus(false);
  }, [moveFocus, chosen]);
  const query = useDeferredValue(q.trim());
  const results = useQuery({
    ...trpc.accounts.list.queryOptions({ q: query, limit: 8, sort: "name" }),
    enabled: accountId === null && query.length > 0,
  });

  if (accountId !== null) {
    return (
      <div className="space-y-1">
        <p className="block text-sm font-medium text-slate-700">{t("account")}</p>
        <div className="flex items-center gap-3">
          <span className="font-medium text-slate-900" data-testid="intake-account">
            {accountName ?? `#${accountId}`}
          </span>
          <Button
            ref={changeRef}
            size="sm"
            variant="ghost"
            onClick={() => {
              setMoveFocus(true);
              onChange(null);
            }}
          >
            {t("change")}
          </Button>
        </div>
      </div>
    );
  }

  const items = (results.data?.items ?? []).filter((a) => a.id !== excludeId);
  return (
    <div className="space-y-2">
      <TextField
        label={t("accountSearch")}
        hint={t("accountSearchHint")}
        type="search"
        required={required}
        value={q}
        onChange={(e) => setQ(e.target.value)}
        error={error}
        autoComplete="off"
        ref={searchRef}
      />
      {query && results.isSuccess ? (
        items.length === 0 ? (
          <p role="status" className="text-sm text-slate-500">
            {t("noAccounts")}
          </p>
        ) : (
          <ul className="divide-y divide-slate-100 rounded-md border border-slate-200 bg-white">
            {items.map((a) => (
              <li key={a.id}>
                <button
                  type="button"
                  className="w-full px-3 py-2 text-left text-sm hover:bg-slate-50"
                  onClick={() => {
                    setMoveFocus(true);
                    onChange({ id: a.id, name: a.name });
                  }}
                >
                  {a.name}
                </button>
              </li>
            ))}
          </ul>
        )
      ) : null}
    </div>
  );
}
