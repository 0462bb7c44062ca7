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
  const extra = ctx.text?.trim() ? `\n\n${ctx.text.trim()}` : "";
  if (locale === "zh") {
    return {
      subject: `您的投诉正在处理中（${ctx.reference}）`,
      body: `${greeting(locale, ctx.name)}\n很抱歉给您带来不便。我们已经开始处理您的投诉 ${ctx.reference}，会尽快与您联系。${extra}`,
    };
  }
  return {
    subject: `We are handling your complaint (${ctx.reference})`,
    body: `${greeting(locale, ctx.name)}\nWe are sorry for the trouble. A member of our team is now handling your complaint ${ctx.reference} and will be in touch soon.${extra}`,
  };
}

/** The remedy was carried out: asking whether it met the customer's expectations. */
export function confirmationRequestMessage(
  locale: Locale,
  ctx: Ctx & { text?: string | null },
): CustomerMessage {
  const extra = ctx.text?.trim() ? `\n\n${ctx.text.trim()}` : "";
  if (locale === "zh") {
    return {
      subject: `我们的处理是否让您满意？（${ctx.reference}）`,
      body: `${greeting(locale, ctx.name)}\n我们已就投诉 ${ctx.reference} 采取了补救措施。请告诉我们结果是否达到或超出了您的期望。${extra}`,
    };
  }
  return {
    subject: `Did our fix meet your expectations? (${ctx.reference})`,
    body: `${greeting(locale, ctx.name)}\nWe have carried out the remedy for your complaint ${ctx.reference}. Please tell us whether it met or exceeded your expectations.${extra}`,
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

/** A reply a handler writes to the customer. */
export function replyMessage(locale: Locale, ctx: Ctx & { text: string }): CustomerMessage {
  if (locale === "zh") {
    return {
      subject: `关于您的投诉（${ctx.reference}）`,
      body: `${greeting(locale, ctx.name)}\n${ctx.text.trim()}`,
    };
  }
  return {
    subject: `About your complaint (${ctx.reference})`,
    body: `${greeting(locale, ctx.name)}\n${ctx.text.trim()}`,
  };
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
