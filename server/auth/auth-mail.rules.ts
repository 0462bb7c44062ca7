// What an invited person and someone who forgot their password are sent, in their language. Pure: the auth
// set-up puts these in the outbox.
import type { Locale } from "@/db/schema";

export type AuthMail = { subject: string; body: string };

export function invitationMail(
  locale: Locale,
  ctx: { name: string; link: string; invitedBy: string | null; days: number },
): AuthMail {
  if (locale === "zh") {
    return {
      subject: "邀请您加入 Ladder CRM",
      body: `${ctx.name}，您好：\n${ctx.invitedBy ? `${ctx.invitedBy} 邀请您` : "您被邀请"}使用 Ladder CRM。请打开下面的链接设置密码（${ctx.days} 天内有效，只能使用一次）：\n\n${ctx.link}\n\n如果您不认识这个邀请，请忽略这封邮件。`,
    };
  }
  return {
    subject: "You are invited to Ladder CRM",
    body: `Hello ${ctx.name},\n${ctx.invitedBy ? `${ctx.invitedBy} has invited you` : "You have been invited"} to Ladder CRM. Open this link to choose your password (it works once, within ${ctx.days} days):\n\n${ctx.link}\n\nIf you did not expect this invitation, ignore this email.`,
  };
}

export function resetMail(locale: Locale, ctx: { name: string; link: string; minutes: number }): AuthMail {
  if (locale === "zh") {
    return {
      subject: "重置您的 Ladder CRM 密码",
      body: `${ctx.name}，您好：\n有人请求重置您的 Ladder CRM 密码。请打开下面的链接设置新密码（${ctx.minutes} 分钟内有效，只能使用一次）：\n\n${ctx.link}\n\n如果不是您本人的请求，请忽略这封邮件，您的密码不会改变。`,
    };
  }
  return {
    subject: "Reset your Ladder CRM password",
    body: `Hello ${ctx.name},\nSomeone asked to reset your Ladder CRM password. Open this link to choose a new one (it works once, within ${ctx.minutes} minutes):\n\n${ctx.link}\n\nIf you did not ask for this, ignore this email: your password stays as it is.`,
  };
}
