import { z } from "zod";
import { authedProcedure, roleProcedure, router } from "../trpc";
import { inviteUser, issueLinkFor, revokeUserSessions } from "./invitations";
import {
  createUser,
  listAssignableUsers,
  listUsers,
  setUserActive,
  setUserLocale,
  setUserRole,
} from "./users.queries";
import {
  createUserInput,
  inviteUserInput,
  listUsersInput,
  setActiveInput,
  setLocaleInput,
  setRoleInput,
  userIdInput,
} from "./users.schemas";

const adminProcedure = roleProcedure("admin");

export const usersRouter = router({
  me: authedProcedure.input(z.void()).query(({ ctx }) => ctx.user),
  setLocale: authedProcedure.input(setLocaleInput).mutation(({ ctx, input }) => {
    setUserLocale(ctx.db, ctx.user.id, input.locale);
    return { locale: input.locale };
  }),
  list: adminProcedure.input(listUsersInput).query(({ ctx, input }) => listUsers(ctx.db, input)),
  create: adminProcedure
    .input(createUserInput)
    .mutation(({ ctx, input }) => createUser(ctx.db, ctx.user, input)),
  invite: adminProcedure
    .input(inviteUserInput)
    .mutation(({ ctx, input }) => inviteUser(ctx.db, ctx.user, input)),
  issueLink: adminProcedure
    .input(userIdInput)
    .mutation(({ ctx, input }) => issueLinkFor(ctx.db, ctx.user, input.id)),
  revokeSessions: adminProcedure
    .input(userIdInput)
    .mutation(({ ctx, input }) => revokeUserSessions(ctx.db, ctx.user, ctx.headers, input.id)),
  setRole: adminProcedure
    .input(setRoleInput)
    .mutation(({ ctx, input }) => setUserRole(ctx.db, ctx.user, input)),
  setActive: adminProcedure
    .input(setActiveInput)
    .mutation(({ ctx, input }) => setUserActive(ctx.db, ctx.user, input)),
  assignable: authedProcedure.input(z.void()).query(({ ctx }) => listAssignableUsers(ctx.db)),
});
