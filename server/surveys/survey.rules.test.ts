import { describe, expect, it } from "vitest";
import {
  classOf,
  csatScore,
  DEFAULT_SURVEY_SCHEDULE,
  isValidScore,
  linkState,
  localeForName,
  needsFollowUp,
  netPromoterScore,
  relationshipSurveyDue,
  responseRate,
  SCHEDULE_MONTH_MS,
} from "./survey.rules";

describe("NPS arithmetic", () => {
  it("is the share of promoters minus the share of detractors, in points", () => {
    // 5 promoters, 3 passives, 2 detractors of 10: 50% − 20% = 30.
    expect(netPromoterScore({ promoters: 5, passives: 3, detractors: 2 })).toBe(30);
    // 2 − 4 of 7 answers: −28.571… → −28.6.
    expect(netPromoterScore({ promoters: 2, passives: 1, detractors: 4 })).toBe(-28.6);
    expect(netPromoterScore({ promoters: 1, passives: 1, detractors: 1 })).toBe(0);
    expect(netPromoterScore({ promoters: 0, passives: 0, detractors: 3 })).toBe(-100);
    expect(netPromoterScore({ promoters: 4, passives: 0, detractors: 0 })).toBe(100);
  });

  it("has no score without answers", () => {
    expect(netPromoterScore({ promoters: 0, passives: 0, detractors: 0 })).toBeNull();
  });

  it("classes 0–6 as detractors, 7–8 as passives and 9–10 as promoters", () => {
    expect([0, 6, 7, 8, 9, 10].map((s) => classOf("nps", s))).toEqual([
      "detractor",
      "detractor",
      "passive",
      "passive",
      "promoter",
      "promoter",
    ]);
  });
});

describe("CSAT arithmetic", () => {
  it("is the share of 4s and 5s", () => {
    // 7 satisfied of 10 answers.
    expect(csatScore({ satisfied: 7, neutral: 2, dissatisfied: 1 })).toBe(70);
    // 1 of 3: 33.33… → 33.3.
    expect(csatScore({ satisfied: 1, neutral: 1, dissatisfied: 1 })).toBe(33.3);
    expect(csatScore({ satisfied: 0, neutral: 0, dissatisfied: 0 })).toBeNull();
  });

  it("classes 1–2 as dissatisfied, 3 as neutral and 4–5 as satisfied", () => {
    expect([1, 2, 3, 4, 5].map((s) => classOf("csat_deal", s))).toEqual([
      "dissatisfied",
      "dissatisfied",
      "neutral",
      "satisfied",
      "satisfied",
    ]);
  });

  it("accepts only the scale's whole numbers", () => {
    expect(isValidScore("nps", 0)).toBe(true);
    expect(isValidScore("nps", 11)).toBe(false);
    expect(isValidScore("csat_complaint", 0)).toBe(false);
    expect(isValidScore("csat_complaint", 5)).toBe(true);
    expect(isValidScore("csat_complaint", 4.5)).toBe(false);
  });
});

describe("response rate", () => {
  it("is answers over surveys sent", () => {
    expect(responseRate(3, 12)).toBe(0.25);
    expect(responseRate(0, 0)).toBeNull();
  });
});

describe("closing the loop", () => {
  it("is asked of detractors and CSAT 1–2 only", () => {
    expect(needsFollowUp("nps", 6)).toBe(true);
    expect(needsFollowUp("nps", 7)).toBe(false);
    expect(needsFollowUp("csat_complaint", 2)).toBe(true);
    expect(needsFollowUp("csat_deal", 3)).toBe(false);
  });
});

describe("a survey link", () => {
  const expiresAt = 1_000_000;
  it("takes one answer", () => {
    expect(linkState({ answeredAt: null, expiresAt }, 10)).toBe("open");
    expect(linkState({ answeredAt: 5, expiresAt }, 10)).toBe("answered");
  });
  it("expires after its moment, and is still open exactly at it", () => {
    expect(linkState({ answeredAt: null, expiresAt }, expiresAt)).toBe("open");
    expect(linkState({ answeredAt: null, expiresAt }, expiresAt + 1)).toBe("expired");
  });
});

describe("the relationship survey schedule", () => {
  const now = Date.UTC(2026, 5, 1);
  it("asks accountable accounts every six months and basic ones never", () => {
    expect(relationshipSurveyDue("accountable", null, now, DEFAULT_SURVEY_SCHEDULE)).toBe(true);
    expect(
      relationshipSurveyDue("accountable", now - 6 * SCHEDULE_MONTH_MS, now, DEFAULT_SURVEY_SCHEDULE),
    ).toBe(true);
    expect(
      relationshipSurveyDue("accountable", now - 6 * SCHEDULE_MONTH_MS + 1, now, DEFAULT_SURVEY_SCHEDULE),
    ).toBe(false);
    expect(relationshipSurveyDue("basic", null, now, DEFAULT_SURVEY_SCHEDULE)).toBe(false);
  });
  it("asks reactive accounts once a year", () => {
    expect(relationshipSurveyDue("reactive", now - 7 * SCHEDULE_MONTH_MS, now, DEFAULT_SURVEY_SCHEDULE)).toBe(
      false,
    );
    expect(
      relationshipSurveyDue("reactive", now - 12 * SCHEDULE_MONTH_MS, now, DEFAULT_SURVEY_SCHEDULE),
    ).toBe(true);
  });
});

describe("the survey's language", () => {
  it("is Chinese for a name in Chinese characters", () => {
    expect(localeForName("王芳")).toBe("zh");
    expect(localeForName("Carol Buyer")).toBe("en");
    expect(localeForName(null)).toBe("en");
  });
});
