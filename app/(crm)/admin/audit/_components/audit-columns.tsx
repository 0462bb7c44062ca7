"use client";

import type { inferRouterOutputs } from "@trpc/server";
import { useFormatter, useTranslations } from "next-intl";
import { CURRENCY } from "@/app/_components/report/format";
import type { Column } from "@/app/_components/ui/data-table";
import { Link } from "@/app/_components/ui/link";
import type { AppRouter } from "@/server/root";
import { actionKey, formatAuditValue, humanize, leafOf, type ValueFormatters } from "./audit-format";

type Entry = inferRouterOutputs<AppRouter>["audit"]["list"]["items"][number];

/** Fields whose values are codes with a label in the catalogs: common.<ns> or enums.<ns>. */
/** Fields holding a user's id (the list sends their names). */
const USER_FIELDS = new Set(["ownerId", "assigneeId", "handlerId", "reviewerId", "approvedById", "userId"]);

const VALUE_LABELS: Record<string, { catalog: "common" | "enums"; group: string }> = {
  role: { catalog: "common", group: "roles" },
  locale: { catalog: "common", group: "languages" },
  rung: { catalog: "enums", group: "rung" },
  fromRung: { catalog: "enums", group: "rung" },
  toRung: { catalog: "enums", group: "rung" },
  targetRung: { catalog: "enums", group: "rung" },
  status: { catalog: "enums", group: "status" },
  lostReason: { catalog: "enums", group: "lostReason" },
  level: { catalog: "enums", group: "level" },
  type: { catalog: "enums", group: "activityType" },
};

/** A translator whose keys come from stored data: checked with has() instead of by the compiler. */
type Lookup = { has(key: string): boolean; (key: string): string };

/** The audit table's columns: when, who, what was done (in words) and each changed field with its values formatted. */
export function useAuditColumns(people: Record<string, string>): Column<Entry>[] {
  const t = useTranslations("users.audit");
  const tCommon = useTranslations("common");
  const tEnums = useTranslations("enums");
  const format = useFormatter();
  const lookup = (tr: unknown) => tr as Lookup;
  const words = (group: "actions" | "fields" | "entities", code: string, fallback: string) => {
    const key = `${group}.${code}`;
    return lookup(t).has(key) ? lookup(t)(key) : fallback;
  };
  const fieldLabel = (field: string) => words("fields", field.replace(/\./g, "_"), humanize(leafOf(field)));

  const formatters: ValueFormatters = {
    money: (minor) => format.number(minor / 100, { style: "currency", currency: CURRENCY }),
    moment: (ms) => format.dateTime(ms, { dateStyle: "medium", timeStyle: "short" }),
    number: (n) => format.number(n),
    yesNo: (b) => (b ? t("yes") : t("no")),
    code: (field, value) => {
      if (USER_FIELDS.has(field)) return people[value] ?? null;
      const where = VALUE_LABELS[field];
      if (!where) return null;
      const tr = lookup(where.catalog === "common" ? tCommon : tEnums);
      const key = `${where.group}.${value}`;
      return tr.has(key) ? tr(key) : null;
    },
    field: (field) => fieldLabel(field),
  };
  const show = (field: string, value: unknown) => formatAuditValue(field, value, formatters);

  const changesOf = (entry: Entry) =>
    // A setting's entry names the setting itself rather than "value".
    Object.entries(entry.changes).map(
      ([field, values]) =>
        [entry.entity === "setting" ? field.replace(/^value/, entry.entityId) : field, values] as const,
    );
  return [
    {
      key: "when",
      header: t("when"),
      width: "w-44",
      className: "whitespace-nowrap text-slate-600",
      cell: (entry) => (
        <time dateTime={new Date(entry.at).toISOString()}>
          {format.dateTime(entry.at, { dateStyle: "medium", timeStyle: "short" })}
        </time>
      ),
    },
    {
      key: "who",
      header: t("who"),
      width: "w-36",
      className: "break-words",
      cell: (entry) => (
        <span title={entry.actorName ?? undefined}>
          {entry.apiKeyName ? (
            <span className="block text-slate-900">{t("viaApiKey", { name: entry.apiKeyName })}</span>
          ) : null}
          {entry.actorName ?? <span className="text-slate-500">{t("system")}</span>}
        </span>
      ),
    },
    {
      key: "action",
      header: t("action"),
      width: "w-44",
      className: "break-words",
      cell: (entry) => words("actions", actionKey(entry.action), humanize(entry.action)),
    },
    {
      key: "record",
      header: t("record"),
      width: "w-40",
      className: "break-words",
      cell: (entry) => {
        const entityLabel = words("entities", entry.entity, humanize(entry.entity));
        return entry.entity === "account" ? (
          <Link
            href={`/accounts/${entry.entityId}`}
            className="text-brand-700 underline-offset-2 hover:underline"
          >
            {entityLabel} #{entry.entityId}
          </Link>
        ) : (
          <span>
            {entityLabel} <span className="text-slate-500">#{entry.entityId}</span>
          </span>
        );
      },
    },
    {
      key: "changes",
      header: t("changes"),
      cell: (entry) => (
        <ul className="space-y-0.5 max-sm:text-left">
          {changesOf(entry).map(([field, [before, after]]) => (
            <li key={field} className="break-words">
              <span className="text-slate-500">{fieldLabel(field)}: </span>
              {before === null ? null : (
                <>
                  <span className="text-slate-500">{show(field, before)}</span>
                  <span aria-hidden="true"> → </span>
                  <span className="sr-only">, </span>
                </>
              )}
              <span className="text-slate-900">{show(field, after)}</span>
            </li>
          ))}
        </ul>
      ),
    },
  ];
}
