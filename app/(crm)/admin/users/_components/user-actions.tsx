"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { inferRouterOutputs } from "@trpc/server";
import { useTranslations } from "next-intl";
import { useRef, useState } from "react";
import { Badge } from "@/app/_components/ui/badge";
import { Button } from "@/app/_components/ui/button";
import { controlClass } from "@/app/_components/ui/field";
import { useTRPC } from "@/app/_trpc/client";
import { ROLES, type Role } from "@/db/schema";
import type { AppRouter } from "@/server/root";
import type { ShownLink } from "./link-panel";

export type UserRowData = inferRouterOutputs<AppRouter>["users"]["list"]["items"][number];

type Pending =
  | { kind: "role"; role: Role }
  | { kind: "active"; active: boolean }
  | { kind: "signOut" }
  | null;

/** The row being changed: what waits for confirmation on it, and the error it met. One row at a time. */
type Target = { id: string; pending: Pending; error: string | null };

/** The hint that says why an admin cannot change their own row (the role select points to it). */
export const selfHintId = (user: UserRowData) => `user-${user.id}-self`;

/**
 * What the users table does to a user: role change, a new invitation or reset link, signing out everywhere and
 * activate/deactivate; the changes wait behind an inline confirmation under the row.
 */
export function useUserActions({
  onNotice,
  onLink,
}: {
  onNotice: (message: string | null) => void;
  onLink: (shown: ShownLink) => void;
}) {
  const t = useTranslations("users");
  const tc = useTranslations("common");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [target, setTarget] = useState<Target | null>(null);
  // The user the last action was started on (their name for the notice once the mutation answers).
  const subject = useRef<UserRowData | null>(null);

  const refresh = () =>
    Promise.all([
      queryClient.invalidateQueries(trpc.users.list.pathFilter()),
      queryClient.invalidateQueries(trpc.users.assignable.pathFilter()),
    ]);
  const fail = (error: string) => setTarget((tg) => (tg ? { ...tg, error } : tg));
  const onError = (e: { data?: { code?: string } | null }) =>
    fail(e.data?.code === "BAD_REQUEST" ? t("errors.self") : t("errors.saveFailed"));

  const setRole = useMutation(
    trpc.users.setRole.mutationOptions({
      onSuccess: async (saved) => {
        setTarget(null);
        onNotice(t("row.roleSaved", { name: saved.name, role: tc(`roles.${saved.role}`) }));
        await refresh();
      },
      onError,
    }),
  );
  const setActive = useMutation(
    trpc.users.setActive.mutationOptions({
      onSuccess: async (saved) => {
        setTarget(null);
        onNotice(t(saved.active ? "row.activated" : "row.deactivated", { name: saved.name }));
        await refresh();
      },
      onError,
    }),
  );
  const issueLink = useMutation(
    trpc.users.issueLink.mutationOptions({
      onSuccess: (issued) => {
        setTarget(null);
        const user = subject.current;
        if (user) onLink({ ...issued, name: user.name, email: user.email });
      },
      onError: () => fail(t("errors.linkFailed")),
    }),
  );
  const revoke = useMutation(
    trpc.users.revokeSessions.mutationOptions({
      onSuccess: (result) => {
        setTarget(null);
        onNotice(t("row.signedOut", { name: subject.current?.name ?? "", count: result.revoked }));
      },
      onError: () => fail(t("errors.saveFailed")),
    }),
  );
  const working = setRole.isPending || setActive.isPending || issueLink.isPending || revoke.isPending;

  return {
    /** A mutation is under way on this row. */
    busy: (user: UserRowData) => working && target?.id === user.id,
    pendingOf: (user: UserRowData) => (target?.id === user.id ? target.pending : null),
    errorOf: (user: UserRowData) => (target?.id === user.id ? target.error : null),
    propose: (user: UserRowData, pending: Pending) => {
      subject.current = user;
      setTarget(pending ? { id: user.id, pending, error: null } : null);
    },
    link: (user: UserRowData) => {
      subject.current = user;
      setTarget({ id: user.id, pending: null, error: null });
      issueLink.mutate({ id: user.id });
    },
    confirm: (user: UserRowData) => {
      const pending = target?.id === user.id ? target.pending : null;
      subject.current = user;
      setTarget((tg) => (tg ? { ...tg, error: null } : tg));
      if (pending?.kind === "role") setRole.mutate({ id: user.id, role: pending.role });
      if (pending?.kind === "active") setActive.mutate({ id: user.id, active: pending.active });
      if (pending?.kind === "signOut") revoke.mutate({ id: user.id });
    },
    cancel: () => setTarget(null),
  };
}

export type UserActions = ReturnType<typeof useUserActions>;

export function UserName({ user, isSelf }: { user: UserRowData; isSelf: boolean }) {
  const t = useTranslations("users");
  return (
    <>
      <span className="flex items-center gap-2">
        <span className="max-w-56 truncate font-medium text-slate-900" title={user.name}>
          {user.name}
        </span>
        {isSelf ? <Badge tone="blue">{t("table.you")}</Badge> : null}
      </span>
      {/* The email under the name: a column of its own left the row's buttons no room at 1280 px. */}
      <span className="block max-w-64 truncate text-xs text-slate-500" title={user.email}>
        {user.email}
      </span>
    </>
  );
}

export function UserRoleSelect({
  user,
  isSelf,
  actions,
}: {
  user: UserRowData;
  isSelf: boolean;
  actions: UserActions;
}) {
  const t = useTranslations("users");
  const tc = useTranslations("common");
  const pending = actions.pendingOf(user);
  return (
    <select
      aria-label={t("row.roleFor", { name: user.name })}
      aria-describedby={isSelf ? selfHintId(user) : undefined}
      className={`${controlClass} min-w-44 py-1`}
      value={pending?.kind === "role" ? pending.role : user.role}
      disabled={isSelf || actions.busy(user)}
      onChange={(e) => {
        const role = e.target.value as Role;
        actions.propose(user, role === user.role ? null : { kind: "role", role });
      }}
    >
      {ROLES.map((r) => (
        <option key={r} value={r}>
          {tc(`roles.${r}`)}
        </option>
      ))}
    </select>
  );
}

export function UserStatus({ user }: { user: UserRowData }) {
  const t = useTranslations("users");
  return (
    <Badge tone={!user.active ? "slate" : user.invited ? "amber" : "green"}>
      {!user.active ? t("table.inactive") : user.invited ? t("table.invited") : t("table.active")}
    </Badge>
  );
}

export function UserButtons({
  user,
  isSelf,
  actions,
}: {
  user: UserRowData;
  isSelf: boolean;
  actions: UserActions;
}) {
  const t = useTranslations("users");
  const busy = actions.busy(user);
  if (isSelf) {
    return (
      <span id={selfHintId(user)} className="block max-w-56 text-xs text-slate-500">
        {t("row.selfLocked")}
      </span>
    );
  }
  return (
    // One line of buttons: a wrapping row let the table squeeze this column first (two lines at 1280 px).
    <span className="flex gap-1.5 whitespace-nowrap">
      {user.active ? (
        <Button
          size="sm"
          variant="secondary"
          disabled={busy}
          aria-label={t(user.invited ? "row.newInviteLinkFor" : "row.resetLinkFor", { name: user.name })}
          onClick={() => actions.link(user)}
        >
          {user.invited ? t("row.newInviteLink") : t("row.resetLink")}
        </Button>
      ) : null}
      {user.active && !user.invited ? (
        <Button
          size="sm"
          variant="secondary"
          disabled={busy}
          aria-label={t("row.signOutEverywhereFor", { name: user.name })}
          onClick={() => actions.propose(user, { kind: "signOut" })}
        >
          {t("row.signOutEverywhere")}
        </Button>
      ) : null}
      <Button
        size="sm"
        variant={user.active ? "secondary" : "primary"}
        disabled={busy}
        aria-label={t(user.active ? "row.deactivateFor" : "row.activateFor", { name: user.name })}
        onClick={() => actions.propose(user, { kind: "active", active: !user.active })}
      >
        {user.active ? t("row.deactivate") : t("row.activate")}
      </Button>
    </span>
  );
}

/** Under the row: the change waiting for confirmation, or the error it met. Nothing when neither. */
export function userConfirmation(user: UserRowData, actions: UserActions) {
  const pending = actions.pendingOf(user);
  const error = actions.errorOf(user);
  if (!pending && !error) return null;
  return <UserConfirm user={user} actions={actions} />;
}

function UserConfirm({ user, actions }: { user: UserRowData; actions: UserActions }) {
  const t = useTranslations("users");
  const tc = useTranslations("common");
  const pending = actions.pendingOf(user);
  const error = actions.errorOf(user);
  const busy = actions.busy(user);
  const confirmText =
    pending?.kind === "role"
      ? t("row.confirmRole", {
          name: user.name,
          from: tc(`roles.${user.role}`),
          to: tc(`roles.${pending.role}`),
        })
      : pending?.kind === "active"
        ? t(pending.active ? "row.confirmActivate" : "row.confirmDeactivate", { name: user.name })
        : pending?.kind === "signOut"
          ? t("row.confirmSignOut", { name: user.name })
          : null;
  return (
    <div className="flex flex-wrap items-center gap-3">
      {error ? (
        <p role="alert" className="text-sm text-red-700">
          {error}
        </p>
      ) : null}
      {confirmText ? (
        <>
          <p className="text-sm text-slate-800">{confirmText}</p>
          <div className="flex gap-2">
            <Button
              size="sm"
              variant={
                (pending?.kind === "active" && !pending.active) || pending?.kind === "signOut"
                  ? "danger"
                  : "primary"
              }
              disabled={busy}
              onClick={() => actions.confirm(user)}
            >
              {pending?.kind === "role"
                ? t("row.confirmRoleButton")
                : pending?.kind === "signOut"
                  ? t("row.confirmSignOutButton")
                  : pending?.kind === "active" && pending.active
                    ? t("row.confirmActivateButton")
                    : t("row.confirmDeactivateButton")}
            </Button>
            <Button size="sm" variant="ghost" disabled={busy} onClick={actions.cancel}>
              {tc("actions.cancel")}
            </Button>
          </div>
        </>
      ) : null}
    </div>
  );
}
