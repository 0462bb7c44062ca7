// What a customer is told about their feedback, in their language. Pure: the queries put it in the outbox.
import type { Locale } from "@/db/schema";

export function feedbackReply(
  locale: Locale,
  ctx: { name?: string | null; company: string; text: string },
): { subject: string; body: string } {
  if (locale === "zh") {
    return {
      subject: `${ctx.company}：关于您的意见`,
      body: `${ctx.name ? `${ctx.name}，您好：` : "您好："}\n感谢您告诉我们您的想法。\n\n${ctx.text.trim()}`,
    };
  }
  return {
    subject: `About your feedback — ${ctx.company}`,
    body: `${ctx.name ? `Dear ${ctx.name},` : "Hello,"}\nThank you for telling us what you think.\n\n${ctx.text.trim()}`,
  };
}
