// Webhook settings: whether endpoints may be on this machine or the local network (off by default, so the
// product cannot be used to probe an internal network; on for a receiver inside the company's own network).
import { z } from "zod";
import { defineSetting } from "../settings/settings.queries";

export const webhooksSettings = {
  allowPrivateTargets: defineSetting("webhookAllowPrivateTargets", z.boolean(), false),
};
