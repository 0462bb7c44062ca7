// The survey answers list's view <-> the URL (shared by the server page's prefetch and the list).
import { ANSWER_CLASSES, type AnswerClass, SURVEY_KINDS, type SurveyKind } from "@/db/schema";
import { SURVEY_VIEWS } from "@/server/surveys/surveys.schemas";

export const ANSWERS_PAGE_SIZE = 25;

export type AnswersView = {
  view: (typeof SURVEY_VIEWS)[number];
  mine: boolean;
  kind: SurveyKind | null;
  answerClass: AnswerClass | null;
};

type Params = { get(name: string): string | null };

function oneOf<T extends string>(value: string | null, options: readonly T[]): T | null {
  return value && (options as readonly string[]).includes(value) ? (value as T) : null;
}

/** Account managers start on their own loops; everyone else on all of them. */
export function answersViewFromParams(p: Params, managerDefault: boolean): AnswersView {
  const mine = p.get("mine");
  return {
    view: oneOf(p.get("view"), SURVEY_VIEWS) ?? "loop",
    mine: mine === null ? managerDefault : mine === "1",
    kind: oneOf(p.get("kind"), SURVEY_KINDS),
    answerClass: oneOf(p.get("class"), ANSWER_CLASSES),
  };
}

export function paramsFromAnswersView(v: AnswersView): string {
  const out = new URLSearchParams();
  if (v.view !== "loop") out.set("view", v.view);
  out.set("mine", v.mine ? "1" : "0");
  if (v.kind) out.set("kind", v.kind);
  if (v.answerClass) out.set("class", v.answerClass);
  return out.toString();
}

export function answersInputOf(v: AnswersView) {
  return { view: v.view, mine: v.mine, kind: v.kind, answerClass: v.answerClass, limit: ANSWERS_PAGE_SIZE };
}
