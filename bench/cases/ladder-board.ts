// Ladder issue #3 §5: the board at 100k accounts — counts per column and one column page (p95 ≤ 20 ms).
import type { BenchCase } from "../harness";

const PAGE = { p95Ms: 20, maxRatio: 1.5 };

export const ladderBoardCases: BenchCase[] = [
  {
    name: "ladder.boardCounts (all owners)",
    group: "ladder",
    target: PAGE,
    run: (caller) => caller.ladder.boardCounts({}),
  },
  {
    name: "ladder.boardCounts (one owner)",
    group: "ladder",
    target: PAGE,
    run: (caller, ctx) => caller.ladder.boardCounts({ ownerId: ctx.sample.ownerId }),
  },
  {
    name: "ladder.column repeat, 3rd page",
    group: "ladder",
    target: PAGE,
    setup: async (caller, ctx) => {
      let cursor = null;
      for (let i = 0; i < 2; i += 1)
        cursor = (await caller.ladder.column({ column: "repeat", limit: 20, cursor })).nextCursor;
      ctx.state.boardCursor = cursor;
    },
    run: (caller, ctx) =>
      caller.ladder.column({
        column: "repeat",
        limit: 20,
        cursor: ctx.state.boardCursor as { name: string; id: number },
      }),
  },
  {
    name: "ladder.column lapsed, one owner",
    group: "ladder",
    target: PAGE,
    run: (caller, ctx) => caller.ladder.column({ column: "lapsed", limit: 20, ownerId: ctx.sample.ownerId }),
  },
];
