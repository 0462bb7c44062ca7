"use client";

import type { inferRouterOutputs } from "@trpc/server";
import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import { AUDIT_ENTITIES } from "@/server/audit/audit.schemas";
import type { AppRouter } from "@/server/root";

type Entry = inferRouterOutputs<AppRouter>["audit"]["list"]["items"][number];
type KnownEntity = (typeof AUDIT_ENTITIES)[number];

const VERBS = [
  "create",
  "update",
  "delete",
  "log",
  "complete",
  "reopen",
  "move",
  "reassign",
  "set_role",
  "set_locale",
  "activate",
  "deactivate",
] as const;
type Verb = (typeof VERBS)[number];

const isKnownEntity = (e: string): e is KnownEntity => (AUDIT_ENTITIES as readonly string[]).includes(e);
const isVerb = (v: string): v is Verb => (VERBS as readonly string[]).includes(v);

/** Epoch-ms values in fields named like timestamps (dueAt, rungSince…) are shown as dates. */
function looksLikeTime(field: string, value: unknown): value is number {
  return typeof value === "number" && value > 946_684_800_000 && /(At|Since|_at)$/.test(field);
}

/** Fields whose values are codes with a label in the catalogs: common.<ns> or enums.<ns>. */
const VALUE_LABELS: Record<string, { catalog: "common" | "enums"; group: string }> = {
  role: { catalog: "common", group: "roles" },
  locale: { catalog: "common", group: "languages" },
  rung: { catalog: "enums", group: "rung" },
  fromRung: { catalog: "enums", group: "rung" },
  toRung: { catalog: "enums", group: "rung" },
  status: { catalog: "enums", group: "status" },
  lostReason: { catalog: "enums", group: "lostReason" },
  level: { catalog: "enums", group: "level" },
  kind: { catalog: "enums", group: "kind" },
  type: { catalog: "enums", group: "activityType" },
};

export function AuditRow({ entry }: { entry: Entry }) {
  const t = useTranslations("users.audit");
  const tCommon = useTranslations("common");
  const tEnums = useTranslations("enums");
  const format = useFormatter();

  /** The translated label of a code value, or the value itself when the catalog has none. */
  function label(field: string, value: string): string {
    const where = VALUE_LABELS[field];
    if (!where) return value;
    // Keys are built at run time from stored data, so they are checked with has() instead of by the compiler.
    const tr = (where.catalog === "common" ? tCommon : tEnums) as unknown as {
      has(key: string): boolean;
      (key: string): string;
    };
    const key = `${where.group}.${value}`;
    return tr.has(key) ? tr(key) : value;
  }
  const verb = entry.action.split(".").slice(1).join(".");
  const changes = Object.entries(entry.changes);

  function show(field: string, value: unknown): string {
    if (value === null || value === undefined || value === "") return "—";
    if (typeof value === "boolean") return value ? t("yes") : t("no");
    if (looksLikeTime(field, value))
      return format.dateTime(value, { dateStyle: "medium", timeStyle: "short" });
    return typeof value === "string" ? label(field, value) : JSON.stringify(value);
  }

  const entityLabel = isKnownEntity(entry.entity) ? t(`entities.${entry.entity}`) : entry.entity;
  return (
    <tr>
      <td className="px-3 py-2 whitespace-nowrap text-slate-600">
        <time dateTime={new Date(entry.at).toISOString()}>
          {format.dateTime(entry.at, { dateStyle: "medium", timeStyle: "short" })}
        </time>
      </td>
      <td className="truncate px-3 py-2" title={entry.actorName ?? undefined}>
        {entry.apiKeyName ? (
          <span className="block text-slate-900">{t("viaApiKey", { name: entry.apiKeyName })}</span>
        ) : null}
        {entry.actorName ?? <span className="text-slate-500">{t("system")}</span>}
      </td>
      <td className="px-3 py-2">
        <span title={entry.action}>{isVerb(verb) ? t(`verbs.${verb}`) : entry.action}</span>
      </td>
      <td className="truncate px-3 py-2">
        {entry.entity === "account" ? (
          <Link
            href={`/accounts/${entry.entityId}`}
            className="text-brand-700 underline-offset-2 hover:underline"
          >
            {entityLabel} #{entry.entityId}
          </Link>
        ) : (
          <span title={`${entityLabel} ${entry.entityId}`}>
            {entityLabel} <span className="text-slate-500">#{entry.entityId}</span>
          </span>
        )}
      </td>
      <td className="px-3 py-2">
        {changes.length === 0 ? (
          <span className="text-slate-500">{t("noChanges")}</span>
        ) : (
          <ul className="space-y-0.5">
            {changes.map(([field, [before, after]]) => (
              <li key={field} className="flex min-w-0 gap-1">
                <span className="shrink-0 font-mono text-xs leading-5 text-slate-500">{field}:</span>
                <span className="min-w-0 truncate" title={`${show(field, before)} → ${show(field, after)}`}>
                  <span className="text-slate-500">{show(field, before)}</span>
                  <span aria-hidden="true"> → </span>
                  <span className="sr-only">, </span>
                  <span className="text-slate-900">{show(field, after)}</span>
                </span>
              </li>
            ))}
          </ul>
        )}
      </td>
    </tr>
  );
}
