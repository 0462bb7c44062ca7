import { ACCOUNT_CREATORS } from "../auth/permissions";
import { roleProcedure, router } from "../trpc";
import { createContact, deleteContact, updateContact } from "./contacts.queries";
import { createContactInput, deleteContactInput, updateContactInput } from "./contacts.schemas";

// Contacts are read through accounts.get; the account's owner check happens in each write's transaction.
const writer = roleProcedure(...ACCOUNT_CREATORS);

export const contactsRouter = router({
  create: writer
    .input(createContactInput)
    .mutation(({ ctx, input }) => createContact(ctx.db, ctx.user, input)),
  update: writer
    .input(updateContactInput)
    .mutation(({ ctx, input }) => updateContact(ctx.db, ctx.user, input)),
  delete: writer
    .input(deleteContactInput)
    .mutation(({ ctx, input }) => deleteContact(ctx.db, ctx.user, input.id)),
});
