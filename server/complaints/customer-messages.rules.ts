// What the customer is told, in their language (issue #5 §1–2; domain.md §4: thank them for every complaint,
// promise a reply within a set time, confirm the fix). Pure: the queries put these in the outbox and on the
// public timeline.
import type { Locale } from "@/db/schema";

export type CustomerMessage = { subject: string; body: string };

type Ctx = { reference: string; name?: string | null };

function greeting(locale: Locale, name?: string | null): string {
  if (locale === "zh") return name ? `${name}，您好：` : "您好：";
  return name ? `Dear ${name},` : "Hello,";
}

// A handler who writes "Dear Ms Anderson, …" has greeted the customer already: ours would come twice.
const OPENS_WITH_GREETING =
  /^\s*(dear|hello|hi|hey|good (morning|afternoon|evening)|greetings|尊敬的|亲爱的|您好|你好)(?![a-z])/i;

export function opensWithGreeting(text: string | null | undefined): boolean {
  return OPENS_WITH_GREETING.test(text ?? "");
}

/**
 * A message in our words with the handler's text added. When the handler's text opens with its own greeting,
 * it replaces ours and comes first; otherwise our greeting and words come first and the text follows.
 */
function withHandlerText(
  locale: Locale,
  name: string | null | undefined,
  ours: string,
  text: string | null | undefined,
): string {
  const own = text?.trim() ?? "";
  if (!own) return `${greeting(locale, name)}\n${ours}`;
  if (opensWithGreeting(own)) return `${own}\n\n${ours}`;
  return `${greeting(locale, name)}\n${ours}\n\n${own}`;
}

/** Sent the moment a complaint is recorded: thanks, the reference and the promised times. */
export function thanksMessage(
  locale: Locale,
  ctx: Ctx & { acknowledgeHours: number; resolveDays: number },
): CustomerMessage {
  if (locale === "zh") {
    return {
      subject: `我们已收到您的投诉（${ctx.reference}）`,
      body: `${greeting(locale, ctx.name)}\n感谢您告诉我们。您的投诉编号是 ${ctx.reference}。我们会在 ${ctx.acknowledgeHours} 小时内答复，并力争在 ${ctx.resolveDays} 天内解决。`,
    };
  }
  return {
    subject: `We have received your complaint (${ctx.reference})`,
    body: `${greeting(locale, ctx.name)}\nThank you for telling us. Your reference is ${ctx.reference}. We will reply within ${ctx.acknowledgeHours} hours and aim to resolve it within ${ctx.resolveDays} days.`,
  };
}

/** A person has read the complaint and taken it on. */
export function acknowledgementMessage(locale: Locale, ctx: Ctx & { text?: string | null }): CustomerMessage {
  if (locale === "zh") {
    return {
      subject: `您的投诉正在处理中（${ctx.reference}）`,
      body: withHandlerText(
        locale,
        ctx.name,
        `很抱歉给您带来不便。我们已经开始处理您的投诉 ${ctx.reference}，会尽快与您联系。`,
        ctx.text,
      ),
    };
  }
  return {
    subject: `We are handling your complaint (${ctx.reference})`,
    body: withHandlerText(
      locale,
      ctx.name,
      `We are sorry for the trouble. A member of our team is now handling your complaint ${ctx.reference} and will be in touch soon.`,
      ctx.text,
    ),
  };
}

/** The remedy was carried out: asking whether it met the customer's expectations. */
export function confirmationRequestMessage(
  locale: Locale,
  ctx: Ctx & { text?: string | null },
): CustomerMessage {
  if (locale === "zh") {
    return {
      subject: `我们的处理是否让您满意？（${ctx.reference}）`,
      body: withHandlerText(
        locale,
        ctx.name,
        `我们已就投诉 ${ctx.reference} 采取了补救措施。请告诉我们结果是否达到或超出了您的期望：您可以回复此邮件，或在投诉状态页面上用编号和邮箱回答。`,
        ctx.text,
      ),
    };
  }
  return {
    subject: `Did our fix meet your expectations? (${ctx.reference})`,
    body: withHandlerText(
      locale,
      ctx.name,
      `We have carried out the remedy for your complaint ${ctx.reference}. Please tell us whether it met or exceeded your expectations: reply to this message, or answer on the complaint status page with your reference and email.`,
      ctx.text,
    ),
  };
}

/** Closing after the customer confirmed. */
export function confirmationMessage(locale: Locale, ctx: Ctx): CustomerMessage {
  if (locale === "zh") {
    return {
      subject: `您的投诉已解决（${ctx.reference}）`,
      body: `${greeting(locale, ctx.name)}\n感谢您确认投诉 ${ctx.reference} 已得到满意解决。我们会在几天后再与您联系，确保一切顺利。`,
    };
  }
  return {
    subject: `Your complaint is resolved (${ctx.reference})`,
    body: `${greeting(locale, ctx.name)}\nThank you for confirming that your complaint ${ctx.reference} has been resolved to your satisfaction. We will check back in a few days to make sure all is well.`,
  };
}

/** The customer said on the status page that the remedy did not resolve it: the complaint is open again. */
export function reopenedMessage(locale: Locale, ctx: Ctx): CustomerMessage {
  if (locale === "zh") {
    return {
      subject: `我们将继续处理您的投诉（${ctx.reference}）`,
      body: `${greeting(locale, ctx.name)}\n很抱歉问题仍未解决。我们已重新打开投诉 ${ctx.reference}，处理人员会尽快与您联系。`,
    };
  }
  return {
    subject: `We are working on your complaint again (${ctx.reference})`,
    body: `${greeting(locale, ctx.name)}\nWe are sorry it is not resolved yet. We have reopened your complaint ${ctx.reference} and the person handling it will be in touch soon.`,
  };
}

/** A reply a handler writes to the customer. */
export function replyMessage(locale: Locale, ctx: Ctx & { text: string }): CustomerMessage {
  const text = ctx.text.trim();
  const body = opensWithGreeting(text) ? text : `${greeting(locale, ctx.name)}\n${text}`;
  if (locale === "zh") return { subject: `关于您的投诉（${ctx.reference}）`, body };
  return { subject: `About your complaint (${ctx.reference})`, body };
}

export const PUBLIC_STATUSES = ["received", "in_progress", "awaiting_your_confirmation", "closed"] as const;
export type PublicStatus = (typeof PUBLIC_STATUSES)[number];

/** What the customer sees of the status: the internal steps (approval, investigation) are not theirs. */
export function publicStatusOf(status: string): PublicStatus {
  if (status === "received") return "received";
  if (status === "closed" || status === "closed_unconfirmed") return "closed";
  if (status === "remedy_carried_out" || status === "awaiting_confirmation") {
    return "awaiting_your_confirmation";
  }
  return "in_progress";
}
