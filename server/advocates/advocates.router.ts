// Referrals and advocates from evidence (issue #13 §3). Reads for everyone signed in (account managers see
// their own accounts in the lists); setting a referrer is checked per account in the query.
import { authedProcedure, router } from "../trpc";
import { listAdvocateSuggestions, listAdvocatesToReview } from "./advocates.queries";
import { referralsInput, reviewInput, setReferrerInput, suggestionsInput } from "./advocates.schemas";
import { getReferrals, setReferrer } from "./referrals.queries";

export const advocatesRouter = router({
  referrals: authedProcedure
    .input(referralsInput)
    .query(({ ctx, input }) => getReferrals(ctx.db, input.accountId)),
  setReferrer: authedProcedure
    .input(setReferrerInput)
    .mutation(({ ctx, input }) => setReferrer(ctx.db, ctx.user, input)),
  suggestions: authedProcedure
    .input(suggestionsInput)
    .query(({ ctx, input }) => listAdvocateSuggestions(ctx.db, ctx.user, input)),
  toReview: authedProcedure
    .input(reviewInput)
    .query(({ ctx, input }) => listAdvocatesToReview(ctx.db, ctx.user, input)),
});
