// The server's periodic jobs run one at a time, in the order they were started, and a failed run does not stop
// the ones after it.
import { describe, expect, it, vi } from "vitest";
import { startBackgroundJob } from "./background-job";

const HOUR = 3_600_000;

function gate() {
  let open = () => {};
  const opened = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { opened, open };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 10));

describe("background jobs", () => {
  it("run one at a time in start order; a failed run is logged and the next one still runs", async () => {
    const log: string[] = [];
    const first = gate();
    const error = vi.spyOn(console, "error").mockImplementation(() => {});
    startBackgroundJob("test lapse", HOUR, async () => {
      log.push("lapse starts");
      await first.opened;
      log.push("lapse ends");
    });
    startBackgroundJob("test cadence", HOUR, async () => {
      log.push("cadence runs");
      throw new Error("database is locked");
    });
    startBackgroundJob("test surveys", HOUR, async () => {
      log.push("surveys run");
    });
    await settle();
    expect(log).toEqual(["lapse starts"]);
    first.open();
    await settle();
    expect(log).toEqual(["lapse starts", "lapse ends", "cadence runs", "surveys run"]);
    expect(error).toHaveBeenCalledWith("[test cadence] run failed:", expect.any(Error));
    error.mockRestore();
  });

  it("starts each job once however often it is started", async () => {
    let runs = 0;
    for (let i = 0; i < 3; i++) {
      startBackgroundJob("test once", HOUR, async () => {
        runs += 1;
      });
    }
    await settle();
    expect(runs).toBe(1);
  });
});
