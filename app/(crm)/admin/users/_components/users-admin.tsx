"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { Button } from "@/app/_components/ui/button";
import { Alert, EmptyState, PageHeader } from "@/app/_components/ui/card";
import { DataTable, paged } from "@/app/_components/ui/data-table";
import { SelectField, TextField } from "@/app/_components/ui/field";
import { useTRPC } from "@/app/_trpc/client";
import { ROLES, type Role } from "@/db/schema";
import { USERS_PAGE_SIZE } from "@/server/users/users.schemas";
import { CreateUserForm } from "./create-user-form";
import { InviteUserForm } from "./invite-user-form";
import { LinkPanel, type ShownLink } from "./link-panel";
import {
  UserButtons,
  UserName,
  UserRoleSelect,
  UserStatus,
  userConfirmation,
  useUserActions,
} from "./user-actions";

type StatusFilter = "" | "active" | "inactive";

export function UsersAdmin({ currentUserId, inviteDays }: { currentUserId: string; inviteDays: number }) {
  const t = useTranslations("users");
  const tc = useTranslations("common");
  const trpc = useTRPC();
  const [search, setSearch] = useState("");
  const [q, setQ] = useState("");
  const [role, setRole] = useState<Role | "">("");
  const [status, setStatus] = useState<StatusFilter>("");
  const [opened, setOpened] = useState<"invite" | "create" | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [shownLink, setShownLink] = useState<ShownLink | null>(null);
  const toggle = (form: "invite" | "create") => {
    setOpened((open) => (open === form ? null : form));
    setNotice(null);
    setShownLink(null);
  };

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
  const actions = useUserActions({
    onNotice: (message) => {
      setShownLink(null);
      setNotice(message);
    },
    onLink: (shown) => {
      setNotice(null);
      setShownLink(shown);
    },
  });

  return (
    <div className="space-y-4">
      <PageHeader
        title={t("page.title")}
        subtitle={t("page.subtitle")}
        actions={
          <div className="flex flex-wrap gap-2">
            <Button onClick={() => toggle("invite")} aria-expanded={opened === "invite"}>
              {t("invite.open")}
            </Button>
            <Button variant="secondary" onClick={() => toggle("create")} aria-expanded={opened === "create"}>
              {t("create.open")}
            </Button>
          </div>
        }
      />

      {notice ? <Alert tone="success">{notice}</Alert> : null}
      {shownLink ? <LinkPanel shown={shownLink} onClose={() => setShownLink(null)} /> : null}

      {opened === "invite" ? (
        <InviteUserForm
          inviteDays={inviteDays}
          onCancel={() => setOpened(null)}
          onInvited={(shown) => {
            setOpened(null);
            setShownLink(shown);
          }}
        />
      ) : null}
      {opened === "create" ? (
        <CreateUserForm
          onCancel={() => setOpened(null)}
          onCreated={(user) => {
            setOpened(null);
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

      <DataTable
        caption={t("table.caption")}
        {...paged(list, tc("actions.loadMore"))}
        empty={<EmptyState title={t("empty.title")} body={t("empty.body")} />}
        rows={rows}
        rowKey={(user) => user.id}
        rowClassName={(user) => (user.active ? undefined : "bg-slate-50 text-slate-500")}
        rowDetail={(user) => userConfirmation(user, actions)}
        columns={[
          {
            key: "name",
            header: `${t("table.name")} · ${t("table.email")}`,
            rowHeader: true,
            cell: (user) => <UserName user={user} isSelf={user.id === currentUserId} />,
          },
          {
            key: "role",
            header: t("table.role"),
            cell: (user) => (
              <UserRoleSelect user={user} isSelf={user.id === currentUserId} actions={actions} />
            ),
          },
          {
            key: "language",
            header: t("table.language"),
            className: "whitespace-nowrap",
            cell: (user) => tc(`languages.${user.locale}`),
          },
          { key: "status", header: t("table.status"), cell: (user) => <UserStatus user={user} /> },
          {
            key: "actions",
            header: t("table.actions"),
            cell: (user) => <UserButtons user={user} isSelf={user.id === currentUserId} actions={actions} />,
          },
        ]}
      />
    </div>
  );
}
