// Every bench case, in report order. A later issue adds its file under bench/cases and one line here.
import type { BenchCase } from "../harness";
import { accountsCases } from "./accounts";
import { complaintsCases } from "./complaints";
import { dealsCases } from "./deals";
import { executiveCases } from "./executive";
import { feedbackCases } from "./feedback";
import { ladderBoardCases } from "./ladder-board";
import { ladderReportCases } from "./ladder-report";
import { levelsCases } from "./levels";
import { usersCases } from "./users";

export const ALL_CASES: BenchCase[] = [
  ...usersCases,
  ...accountsCases,
  ...ladderBoardCases,
  ...ladderReportCases,
  ...levelsCases,
  ...executiveCases,
  ...dealsCases,
  ...complaintsCases,
  ...feedbackCases,
];
