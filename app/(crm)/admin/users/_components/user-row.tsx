"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { inferRouterOutputs } from "@trpc/server";
import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import { Badge } from "@/app/_components/ui/badge";
import { Button } from "@/app/_components/ui/button";
import { controlClass } from "@/app/_components/ui/field";
import { useTRPC } from "@/app/_trpc/client";
import { ROLES, type Role } from "@/db/schema";
import type { AppRouter } from "@/server/root";
import type { ShownLink } from "./link-panel";

type UserRowData = inferRouterOutputs<AppRouter>["users"]["list"]["items"][number];

type Pending =
  | { kind: "role"; role: Role }
  | { kind: "active"; active: boolean }
  | { kind: "signOut" }
  | null;

/**
 * One user: role select, a new invitation or reset link, signing out everywhere and activate/deactivate; the
 * changes behind an inline confirmation.
 */
export function UserRow({
  user,
  isSelf,
  onNotice,
  onLink,
}: {
  user: UserRowData;
  isSelf: boolean;
  onNotice: (message: string | null) => void;
  onLink: (shown: ShownLink) => void;
}) {
  const t = useTranslations("users");
  const tc = useTranslations("common");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const selfHintId = useId();
  const [pending, setPending] = useState<Pending>(null);
  const [error, setError] = useState<string | null>(null);

  const refresh = () =>
    Promise.all([
      queryClient.invalidateQueries(trpc.users.list.pathFilter()),
      queryClient.invalidateQueries(trpc.users.assignable.pathFilter()),
    ]);
  const onError = (e: { data?: { code?: string } | null }) =>
    setError(e.data?.code === "BAD_REQUEST" ? t("errors.self") : t("errors.saveFailed"));

  const setRole = useMutation(
    trpc.users.setRole.mutationOptions({
      onSuccess: async (saved) => {
        setPending(null);
        onNotice(t("row.roleSaved", { name: saved.name, role: tc(`roles.${saved.role}`) }));
        await refresh();
      },
      onError,
    }),
  );
  const setActive = useMutation(
    trpc.users.setActive.mutationOptions({
      onSuccess: async (saved) => {
        setPending(null);
        onNotice(t(saved.active ? "row.activated" : "row.deactivated", { name: saved.name }));
        await refresh();
      },
      onError,
    }),
  );
  const issueLink = useMutation(
    trpc.users.issueLink.mutationOptions({
      onSuccess: (issued) => onLink({ ...issued, name: user.name, email: user.email }),
      onError: () => setError(t("errors.linkFailed")),
    }),
  );
  const revoke = useMutation(
    trpc.users.revokeSessions.mutationOptions({
      onSuccess: (result) => {
        setPending(null);
        onNotice(t("row.signedOut", { name: user.name, count: result.revoked }));
      },
      onError: () => setError(t("errors.saveFailed")),
    }),
  );
  const busy = setRole.isPending || setActive.isPending || issueLink.isPending || revoke.isPending;

  function confirm() {
    setError(null);
    if (pending?.kind === "role") setRole.mutate({ id: user.id, role: pending.role });
    if (pending?.kind === "active") setActive.mutate({ id: user.id, active: pending.active });
    if (pending?.kind === "signOut") revoke.mutate({ id: user.id });
  }

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
    <>
      <tr className={user.active ? undefined : "bg-slate-50 text-slate-500"}>
        <td className="max-w-56 px-3 py-2">
          <div className="flex items-center gap-2">
            <span className="truncate font-medium text-slate-900" title={user.name}>
              {user.name}
            </span>
            {isSelf ? <Badge tone="blue">{t("table.you")}</Badge> : null}
          </div>
        </td>
        <td className="max-w-64 truncate px-3 py-2" title={user.email}>
          {user.email}
        </td>
        <td className="px-3 py-2">
          <select
            aria-label={t("row.roleFor", { name: user.name })}
            aria-describedby={isSelf ? selfHintId : undefined}
            className={`${controlClass} w-40 py-1`}
            value={pending?.kind === "role" ? pending.role : user.role}
            disabled={isSelf || busy}
            onChange={(e) => {
              const role = e.target.value as Role;
              setError(null);
              setPending(role === user.role ? null : { kind: "role", role });
            }}
          >
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {tc(`roles.${r}`)}
              </option>
            ))}
          </select>
        </td>
        <td className="px-3 py-2 whitespace-nowrap">{tc(`languages.${user.locale}`)}</td>
        <td className="px-3 py-2">
          <Badge tone={!user.active ? "slate" : user.invited ? "amber" : "green"}>
            {!user.active ? t("table.inactive") : user.invited ? t("table.invited") : t("table.active")}
          </Badge>
        </td>
        <td className="px-3 py-2">
          {isSelf ? (
            <span id={selfHintId} className="block max-w-56 text-xs text-slate-500">
              {t("row.selfLocked")}
            </span>
          ) : (
            <div className="flex flex-wrap gap-1.5">
              {user.active ? (
                <Button
                  size="sm"
                  variant="secondary"
                  disabled={busy}
                  aria-label={t(user.invited ? "row.newInviteLinkFor" : "row.resetLinkFor", {
                    name: user.name,
                  })}
                  onClick={() => {
                    setError(null);
                    setPending(null);
                    issueLink.mutate({ id: user.id });
                  }}
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
                  onClick={() => {
                    setError(null);
                    setPending({ kind: "signOut" });
                  }}
                >
                  {t("row.signOutEverywhere")}
                </Button>
              ) : null}
              <Button
                size="sm"
                variant={user.active ? "secondary" : "primary"}
                disabled={busy}
                aria-label={t(user.active ? "row.deactivateFor" : "row.activateFor", { name: user.name })}
                onClick={() => {
                  setError(null);
                  setPending({ kind: "active", active: !user.active });
                }}
              >
                {user.active ? t("row.deactivate") : t("row.activate")}
              </Button>
            </div>
          )}
        </td>
      </tr>
      {confirmText || error ? (
        <tr className="bg-amber-50/60">
          <td colSpan={6} className="px-3 py-2">
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
                      onClick={confirm}
                    >
                      {pending?.kind === "role"
                        ? t("row.confirmRoleButton")
                        : pending?.kind === "signOut"
                          ? t("row.confirmSignOutButton")
                          : pending?.kind === "active" && pending.active
                            ? t("row.confirmActivateButton")
                            : t("row.confirmDeactivateButton")}
                    </Button>
                    <Button
                      size="sm"
                      variant="ghost"
                      disabled={busy}
                      onClick={() => {
                        setPending(null);
                        setError(null);
                      }}
                    >
                      {tc("actions.cancel")}
                    </Button>
                  </div>
                </>
              ) : null}
            </div>
          </td>
        </tr>
      ) : null}
    </>
  );
}
