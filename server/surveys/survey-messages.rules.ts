// What a survey invitation says, in the customer's language. Pure: the queries put it in the outbox.
import type { Locale, SurveyKind } from "@/db/schema";

export type SurveyMessage = { subject: string; body: string };

type Ctx = {
  name?: string | null;
  company: string;
  link: string;
  expiresOn: string;
  reference?: string | null;
};

function greeting(locale: Locale, name?: string | null): string {
  if (locale === "zh") return name ? `${name}，您好：` : "您好：";
  return name ? `Dear ${name},` : "Hello,";
}

/** The question each kind of survey asks (the public page shows the same words). */
export function surveyInvitation(kind: SurveyKind, locale: Locale, ctx: Ctx): SurveyMessage {
  const zh = locale === "zh";
  const ask =
    kind === "nps"
      ? zh
        ? `您有多大可能向朋友或同事推荐${ctx.company}？只需一分钟。`
        : `How likely are you to recommend ${ctx.company} to a friend or colleague? It takes a minute.`
      : kind === "csat_complaint"
        ? zh
          ? `您的投诉${ctx.reference ? `（${ctx.reference}）` : ""}已处理完毕。您对我们的处理满意吗？`
          : `Your complaint${ctx.reference ? ` (${ctx.reference})` : ""} has been closed. How satisfied are you with how we handled it?`
        : zh
          ? "感谢您的订购。您对我们这次的服务满意吗？"
          : "Thank you for your business. How satisfied are you with how we worked with you?";
  const subject =
    kind === "nps"
      ? zh
        ? `${ctx.company}：一个问题，请您回答`
        : `One question from ${ctx.company}`
      : zh
        ? `${ctx.company}：您满意吗？`
        : `How did we do? — ${ctx.company}`;
  const footer = zh
    ? `请点击链接回答（链接仅可使用一次，${ctx.expiresOn} 前有效）：\n${ctx.link}`
    : `Answer here (the link works once, until ${ctx.expiresOn}):\n${ctx.link}`;
  return { subject, body: `${greeting(locale, ctx.name)}\n${ask}\n\n${footer}` };
}
