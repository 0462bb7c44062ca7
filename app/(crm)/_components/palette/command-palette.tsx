"use client";

// One keystroke to anything (issue #12 §5): Ctrl+K / ⌘K, or the search box in the header, opens a dialog with
// a combobox. Typing looks up accounts, contacts, deals and complaints (search.palette); arrows move through
// the results; Enter (or a tap) opens a deal or a complaint, and on an account (or a contact's) lists what can
// be done with it: open it, log a call, add a task, open a deal, record a complaint. Esc goes back, then
// closes. ARIA 1.2 combobox with a listbox (aria-activedescendant), so focus stays in the input.

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { type KeyboardEvent, useDeferredValue, useEffect, useId, useRef, useState } from "react";
import { cn } from "@/app/_components/ui/cn";
import { useModalDialog } from "@/app/_components/ui/use-modal-dialog";
import { useTRPC } from "@/app/_trpc/client";
import type { Actor } from "@/server/auth/permissions";
import {
  accountActions,
  flatten,
  moveActive,
  type PaletteAccount,
  type PaletteGroup,
  type PaletteOption,
  resultGroups,
} from "./palette-options";

export function CommandPalette({ actor }: { actor: Actor }) {
  const t = useTranslations("palette");
  const [open, setOpen] = useState(false);
  const trigger = useRef<HTMLButtonElement>(null);
  const [mac, setMac] = useState(false);

  useEffect(() => {
    setMac(/Mac|iPhone|iPad/.test(navigator.platform));
    const onKey = (e: globalThis.KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && !e.altKey && e.key.toLowerCase() === "k") {
        e.preventDefault();
        setOpen(true);
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);

  return (
    <>
      <button
        ref={trigger}
        type="button"
        onClick={() => setOpen(true)}
        aria-haspopup="dialog"
        aria-keyshortcuts="Control+K Meta+K"
        className="inline-flex h-8 min-w-0 items-center gap-2 rounded-md border border-slate-300 bg-white px-2.5 text-sm text-slate-500 hover:border-slate-400 sm:w-64"
      >
        <span aria-hidden="true">⌕</span>
        <span className="truncate">{t("trigger")}</span>
        <kbd className="ml-auto hidden rounded border border-slate-200 px-1 text-xs text-slate-500 sm:inline">
          {mac ? "⌘K" : "Ctrl K"}
        </kbd>
      </button>
      {open ? (
        <PaletteDialog
          actor={actor}
          onClose={() => {
            setOpen(false);
            trigger.current?.focus();
          }}
        />
      ) : null}
    </>
  );
}

function PaletteDialog({ actor, onClose }: { actor: Actor; onClose: () => void }) {
  const t = useTranslations("palette");
  const trpc = useTRPC();
  const router = useRouter();
  const dialog = useModalDialog();
  const input = useRef<HTMLInputElement>(null);
  const ids = useId();
  const [q, setQ] = useState("");
  const [account, setAccount] = useState<PaletteAccount | null>(null);
  const [active, setActive] = useState(0);
  const query = useDeferredValue(q.trim());

  const search = useQuery({
    ...trpc.search.palette.queryOptions({ q: query }),
    enabled: account === null && query.length > 0,
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });

  const groups: PaletteGroup[] = account
    ? [
        {
          key: "actions",
          options: accountActions(actor, account).filter((o) =>
            actionLabel(t, o).toLowerCase().includes(q.trim().toLowerCase()),
          ),
        },
      ]
    : query && search.data
      ? resultGroups(search.data)
      : [];
  const options = flatten(groups);
  const current = options[Math.min(active, options.length - 1)];
  const optionId = (o: PaletteOption) => `${ids}-${o.id}`;

  function go(option: PaletteOption) {
    dialog.current?.close();
    router.push(option.href);
  }

  /** An account (or a contact's account) opens its actions, "Open" first; anything else opens at once. */
  function choose(option: PaletteOption) {
    if (!showActions(option)) go(option);
  }

  function showActions(option: PaletteOption | undefined) {
    if (!option || (option.kind !== "account" && option.kind !== "contact")) return false;
    setAccount(option.account);
    setQ("");
    setActive(0);
    return true;
  }

  function onKeyDown(e: KeyboardEvent<HTMLInputElement>) {
    if (["ArrowDown", "ArrowUp", "Home", "End"].includes(e.key) && options.length > 0) {
      e.preventDefault();
      setActive(moveActive(Math.min(active, options.length - 1), options.length, e.key));
    } else if (e.key === "Enter" && current) {
      e.preventDefault();
      choose(current);
    } else if (e.key === "ArrowRight" && input.current?.selectionStart === q.length) {
      if (showActions(current)) e.preventDefault();
    } else if (e.key === "Escape" && account) {
      // Back from an account's actions to the results, not out of the palette.
      e.preventDefault();
      setAccount(null);
      setActive(0);
    }
  }

  const status = account
    ? t("actionsFor", { name: account.name })
    : !query
      ? t("hint")
      : search.isError
        ? t("error")
        : search.isPending
          ? t("searching")
          : options.length === 0
            ? t("empty", { q: query })
            : t("count", { count: options.length });

  return (
    <dialog
      ref={dialog}
      aria-label={t("title")}
      onClose={onClose}
      onCancel={(e) => {
        if (account) {
          e.preventDefault();
          setAccount(null);
          setActive(0);
        }
      }}
      className="mx-auto mt-[10vh] w-[calc(100%-1.5rem)] max-w-xl rounded-lg border border-slate-200 p-0 shadow-xl backdrop:bg-slate-900/40"
    >
      <div className="border-b border-slate-200 p-3">
        {account ? (
          <p className="mb-2 flex items-center gap-2 text-xs text-slate-600">
            <button
              type="button"
              className="rounded border border-slate-300 px-1.5 py-0.5 hover:bg-slate-100"
              onClick={() => {
                setAccount(null);
                setActive(0);
                input.current?.focus();
              }}
            >
              ← {t("back")}
            </button>
            <span className="truncate font-medium text-slate-800">{account.name}</span>
          </p>
        ) : null}
        <label htmlFor={`${ids}-input`} className="sr-only">
          {account ? t("actionsLabel", { name: account.name }) : t("inputLabel")}
        </label>
        <input
          ref={input}
          id={`${ids}-input`}
          role="combobox"
          aria-expanded={options.length > 0}
          aria-controls={`${ids}-listbox`}
          aria-autocomplete="list"
          aria-activedescendant={current ? optionId(current) : undefined}
          aria-describedby={`${ids}-keys`}
          autoComplete="off"
          spellCheck={false}
          maxLength={100}
          autoFocus
          value={q}
          placeholder={account ? t("actionsPlaceholder") : t("placeholder")}
          onChange={(e) => {
            setQ(e.target.value);
            setActive(0);
          }}
          onKeyDown={onKeyDown}
          className="block w-full rounded-md border border-slate-300 px-3 py-2 text-base focus:border-brand-500 sm:text-sm"
        />
      </div>
      <div
        id={`${ids}-listbox`}
        role="listbox"
        aria-label={account ? t("groups.actions") : t("results")}
        className="max-h-[50vh] overflow-y-auto p-1"
      >
        {groups.map((group) => (
          // biome-ignore lint/a11y/useSemanticElements: a listbox's option group is role="group" (a fieldset is a form control group)
          <div key={group.key} role="group" aria-labelledby={`${ids}-${group.key}`}>
            <div
              id={`${ids}-${group.key}`}
              role="presentation"
              className="px-2 pt-2 pb-1 text-xs font-medium uppercase tracking-wide text-slate-500"
            >
              {t(`groups.${group.key}`)}
            </div>
            {group.options.map((option) => {
              const selected = option === current;
              return (
                // biome-ignore lint/a11y/useKeyWithClickEvents: the combobox input handles the keys (aria-activedescendant)
                <div
                  key={option.id}
                  id={optionId(option)}
                  role="option"
                  aria-selected={selected}
                  tabIndex={-1}
                  onMouseMove={() => setActive(options.indexOf(option))}
                  onClick={() => {
                    choose(option);
                    input.current?.focus();
                  }}
                  className={cn(
                    "flex cursor-pointer items-baseline justify-between gap-3 rounded-md px-2 py-2 text-sm",
                    selected ? "bg-brand-50 text-brand-800" : "text-slate-800",
                  )}
                >
                  <OptionText option={option} />
                </div>
              );
            })}
          </div>
        ))}
      </div>
      <div className="flex flex-wrap items-center justify-between gap-2 border-t border-slate-200 px-3 py-2 text-xs text-slate-500">
        <span role="status" aria-live="polite">
          {status}
        </span>
        <span id={`${ids}-keys`} className="hidden sm:inline">
          {t("keys")}
        </span>
      </div>
    </dialog>
  );
}

type T = ReturnType<typeof useTranslations<"palette">>;

function actionLabel(t: T, option: PaletteOption): string {
  if (option.kind !== "action") return "";
  return option.action === "open"
    ? t("action.open", { name: option.account.name })
    : t(`action.${option.action}`);
}

function OptionText({ option }: { option: PaletteOption }) {
  const t = useTranslations("palette");
  const tEnums = useTranslations("enums");
  const tDeal = useTranslations("deals.status");
  const tComplaint = useTranslations("complaints.status");
  const line = (main: string, detail?: string | null) => (
    <span className="min-w-0">
      <span className="block truncate font-medium">{main}</span>
      {detail ? <span className="block truncate text-xs text-slate-500">{detail}</span> : null}
    </span>
  );
  switch (option.kind) {
    case "account":
      return line(
        option.hit.name,
        [tEnums(`rung.${option.hit.rung as "suspect"}`), option.hit.ownerName].filter(Boolean).join(" · "),
      );
    case "contact":
      return line(option.hit.name, [option.hit.email, option.hit.accountName].filter(Boolean).join(" · "));
    case "deal":
      return line(option.hit.title, `${option.hit.accountName} · ${tDeal(option.hit.status as "open")}`);
    case "complaint":
      return line(
        option.hit.reference,
        `${option.hit.accountName} · ${tComplaint(option.hit.status as "received")}`,
      );
    case "action":
      return line(actionLabel(t, option));
  }
}
