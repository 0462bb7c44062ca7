"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { Button } from "@/app/_components/ui/button";
import { Alert, EmptyState, PageHeader, Spinner } from "@/app/_components/ui/card";
import { SelectField, TextField } from "@/app/_components/ui/field";
import { useTRPC } from "@/app/_trpc/client";
import { ROLES, type Role } from "@/db/schema";
import { USERS_PAGE_SIZE } from "@/server/users/users.schemas";
import { CreateUserForm } from "./create-user-form";
import { UserRow } from "./user-row";

type StatusFilter = "" | "active" | "inactive";

export function UsersAdmin({ currentUserId }: { currentUserId: string }) {
  const t = useTranslations("users");
  const tc = useTranslations("common");
  const trpc = useTRPC();
  const [search, setSearch] = useState("");
  const [q, setQ] = useState("");
  const [role, setRole] = useState<Role | "">("");
  const [status, setStatus] = useState<StatusFilter>("");
  const [creating, setCreating] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);

  // Search as the admin types, without a request per keystroke.
  useEffect(() => {
    const timer = setTimeout(() => setQ(search.trim()), 250);
    return () => clearTimeout(timer);
  }, [search]);

  const input = {
    limit: USERS_PAGE_SIZE,
    ...(q ? { q } : {}),
    ...(role ? { role } : {}),
    ...(status ? { active: status === "active" } : {}),
  };
  const list = useInfiniteQuery(
    trpc.users.list.infiniteQueryOptions(input, { getNextPageParam: (page) => page.nextCursor }),
  );
  const rows = list.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <div className="space-y-4">
      <PageHeader
        title={t("page.title")}
        subtitle={t("page.subtitle")}
        actions={
          <Button
            onClick={() => {
              setCreating((open) => !open);
              setNotice(null);
            }}
            aria-expanded={creating}
          >
            {t("create.open")}
          </Button>
        }
      />

      {notice ? <Alert tone="success">{notice}</Alert> : null}

      {creating ? (
        <CreateUserForm
          onCancel={() => setCreating(false)}
          onCreated={(user) => {
            setCreating(false);
            setNotice(t("create.created", { name: user.name, email: user.email }));
          }}
        />
      ) : null}

      <search aria-label={t("filters.label")} className="flex flex-wrap items-end gap-3">
        <TextField
          label={t("filters.search")}
          type="search"
          placeholder={t("filters.searchPlaceholder")}
          value={search}
          onChange={(e) => setSearch(e.target.value)}
          className="w-64"
        />
        <SelectField
          label={t("filters.role")}
          value={role}
          onChange={(e) => setRole(e.target.value as Role | "")}
          options={[
            { value: "", label: t("filters.allRoles") },
            ...ROLES.map((r) => ({ value: r, label: tc(`roles.${r}`) })),
          ]}
          className="w-48"
        />
        <SelectField
          label={t("filters.status")}
          value={status}
          onChange={(e) => setStatus(e.target.value as StatusFilter)}
          options={[
            { value: "", label: t("filters.allStatuses") },
            { value: "active", label: t("filters.activeOnly") },
            { value: "inactive", label: t("filters.inactiveOnly") },
          ]}
          className="w-40"
        />
      </search>

      {list.isPending ? (
        <Spinner label={tc("states.loading")} />
      ) : list.isError ? (
        <Alert>
          {tc("states.error")}{" "}
          <button type="button" className="underline" onClick={() => void list.refetch()}>
            {tc("actions.retry")}
          </button>
        </Alert>
      ) : rows.length === 0 ? (
        <EmptyState title={t("empty.title")} body={t("empty.body")} />
      ) : (
        <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">{t("table.caption")}</caption>
            <thead className="bg-slate-50 text-xs font-medium text-slate-500 uppercase">
              <tr>
                <th scope="col" className="px-3 py-2">
                  {t("table.name")}
                </th>
                <th scope="col" className="px-3 py-2">
                  {t("table.email")}
                </th>
                <th scope="col" className="px-3 py-2">
                  {t("table.role")}
                </th>
                <th scope="col" className="px-3 py-2">
                  {t("table.language")}
                </th>
                <th scope="col" className="px-3 py-2">
                  {t("table.status")}
                </th>
                <th scope="col" className="px-3 py-2">
                  {t("table.actions")}
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {rows.map((user) => (
                <UserRow key={user.id} user={user} isSelf={user.id === currentUserId} onNotice={setNotice} />
              ))}
            </tbody>
          </table>
        </div>
      )}

      {list.hasNextPage ? (
        <Button
          variant="secondary"
          onClick={() => void list.fetchNextPage()}
          disabled={list.isFetchingNextPage}
        >
          {list.isFetchingNextPage ? tc("states.loading") : tc("actions.loadMore")}
        </Button>
      ) : null}
    </div>
  );
}
