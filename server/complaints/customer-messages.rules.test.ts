import { describe, expect, it } from "vitest";
import {
  acknowledgementMessage,
  confirmationRequestMessage,
  opensWithGreeting,
  replyMessage,
} from "./customer-messages.rules";

const ctx = { reference: "C-7KQ2-M9XD", name: "Patricia Anderson" };

describe("what the customer reads", () => {
  it("greets once when the handler's message has no greeting of its own", () => {
    const m = acknowledgementMessage("en", { ...ctx, text: "We are looking into the delay now." });
    expect(m.body).toBe(
      "Dear Patricia Anderson,\nWe are sorry for the trouble. A member of our team is now handling your complaint C-7KQ2-M9XD and will be in touch soon.\n\nWe are looking into the delay now.",
    );
  });

  it("lets the handler's own greeting replace ours instead of greeting twice", () => {
    const m = acknowledgementMessage("en", {
      ...ctx,
      text: "Dear Ms Anderson,\nthank you for your patience.",
    });
    expect(m.body.match(/Dear/g)).toHaveLength(1);
    expect(m.body.startsWith("Dear Ms Anderson,\nthank you for your patience.\n\nWe are sorry")).toBe(true);
    const zh = confirmationRequestMessage("zh", { ...ctx, name: "王芳", text: "尊敬的王女士：换货已送达。" });
    expect(zh.body).not.toContain("王芳，您好");
    expect(zh.body.startsWith("尊敬的王女士：换货已送达。")).toBe(true);
    expect(replyMessage("en", { ...ctx, text: "Hello Patricia, the parts ship today." }).body).toBe(
      "Hello Patricia, the parts ship today.",
    );
  });

  it("knows a greeting from a word that only starts like one", () => {
    expect(opensWithGreeting("Hi Pat")).toBe(true);
    expect(opensWithGreeting("  good morning,")).toBe(true);
    expect(opensWithGreeting("您好，")).toBe(true);
    expect(opensWithGreeting("History shows…")).toBe(false);
    expect(opensWithGreeting("Dearly departed")).toBe(false);
    expect(opensWithGreeting("")).toBe(false);
  });
});
