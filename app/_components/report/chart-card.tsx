"use client";

import { useTranslations } from "next-intl";
import {
  createContext,
  type ReactNode,
  useCallback,
  useContext,
  useEffect,
  useId,
  useRef,
  useState,
} from "react";
import { flushSync } from "react-dom";
import { Button } from "@/app/_components/ui/button";
import { Card } from "@/app/_components/ui/card";
import { type CsvCell, downloadCsv } from "@/app/_lib/csv";
import { useFormat } from "./format";
import type { SeriesMark } from "./marks";
import { ReportTable } from "./report-table";
import { type Report, type Row, reportCsv } from "./series";

type Marks = Readonly<Record<string, SeriesMark>>;
type CardContext = { openTable: () => void; tableId: string; showMarks: (marks: Marks) => void };
const ChartCardContext = createContext<CardContext | null>(null);

/**
 * A report figure: a title that says what it shows, the formula in an info line, the chart with its summary
 * sentence, and its data as a table (toggle; always in the printed page) and as CSV. The table is rendered when
 * it is shown or the page is printed, and the CSV when it is downloaded: a dashboard of ten cards does not write
 * ten hidden tables into every response. Given a `report`
 * declaration, the table and the CSV are drawn from it; `table` and `csv` are for figures that are not a
 * series list (a heatmap).
 */
export function ChartCard<R extends Row>({
  title,
  info,
  chart,
  report,
  table,
  csv,
  csvName,
  actions,
  onSelect,
}: {
  title: string;
  info?: ReactNode;
  chart: ReactNode;
  report?: Report<R>;
  table?: ReactNode;
  /** The CSV's rows, or a function that writes them when the file is asked for. */
  csv?: readonly (readonly CsvCell[])[] | (() => readonly (readonly CsvCell[])[]);
  csvName: string;
  /** Controls of the figure itself (a view switch), shown before the table and CSV buttons. */
  actions?: ReactNode;
  /** The table's row headers become buttons that do what pressing the chart's bar does. */
  onSelect?: (row: R) => void;
}) {
  const t = useTranslations("report");
  const f = useFormat();
  const [showTable, setShowTable] = useState(false);
  const printing = usePrinting();
  // How the chart draws each series, told by the chart itself: the table view's swatches copy it.
  const [marks, setMarks] = useState<Marks | undefined>(undefined);
  // Stable, so a chart's effect runs only when its own marks change (two charts in one card, the reasons card's
  // owner and buyer sides, would otherwise take turns re-rendering the card for ever).
  const showMarks = useCallback(
    (next: Marks) => setMarks((prev) => (JSON.stringify(prev) === JSON.stringify(next) ? prev : next)),
    [],
  );
  const tableId = useId();
  const tableRef = useRef<HTMLDivElement>(null);
  const openTable = () => {
    setShowTable(true);
    // After the table is shown, move the reader to it.
    requestAnimationFrame(() => tableRef.current?.focus());
  };
  const csvRows = () =>
    typeof csv === "function" ? csv() : (csv ?? (report ? reportCsv(report as Report, f.currency) : []));
  return (
    <ChartCardContext.Provider value={{ openTable, tableId, showMarks }}>
      <Card
        title={title}
        actions={
          <div className="no-print flex flex-wrap justify-end gap-2">
            {actions}
            <Button
              variant="secondary"
              size="sm"
              aria-expanded={showTable}
              aria-controls={tableId}
              onClick={() => setShowTable((v) => !v)}
            >
              {showTable ? t("hideTable") : t("showTable")}
            </Button>
            <Button variant="secondary" size="sm" onClick={() => downloadCsv(csvName, csvRows())}>
              {t("downloadCsv")}
            </Button>
          </div>
        }
      >
        {info ? <p className="mb-3 text-xs text-slate-600">{info}</p> : null}
        {chart}
        <div
          id={tableId}
          ref={tableRef}
          tabIndex={-1}
          className={showTable ? "mt-4 outline-none" : "print-only mt-4"}
        >
          {showTable || printing
            ? (table ??
              (report ? (
                <ReportTable report={report} caption={title} onSelect={onSelect} marks={marks} />
              ) : null))
            : null}
        </div>
      </Card>
    </ChartCardContext.Provider>
  );
}

/**
 * True while the page is being printed: the browser's `beforeprint` comes before it lays out the printed page,
 * and the state is rendered at once (flushSync) so the printed page has every card's table.
 */
function usePrinting(): boolean {
  const [printing, setPrinting] = useState(false);
  useEffect(() => {
    const before = () => flushSync(() => setPrinting(true));
    const after = () => setPrinting(false);
    window.addEventListener("beforeprint", before);
    window.addEventListener("afterprint", after);
    return () => {
      window.removeEventListener("beforeprint", before);
      window.removeEventListener("afterprint", after);
    };
  }, []);
  return printing;
}

/** A chart inside a ChartCard tells the card how it draws its series (for the table view's swatches). */
export function useShowMarks(marks: ReadonlyMap<string, SeriesMark>) {
  const card = useContext(ChartCardContext);
  const key = JSON.stringify([...marks]);
  const show = card?.showMarks;
  useEffect(() => {
    show?.(Object.fromEntries(JSON.parse(key) as [string, SeriesMark][]));
  }, [show, key]);
}

/**
 * A chart's frame: the figure named by its title, and below it the summary sentence that is the chart's text
 * alternative, with a link to the table view when inside a ChartCard.
 */
export function ChartFigure({
  label,
  summary,
  children,
}: {
  label: string;
  summary: string;
  children: ReactNode;
}) {
  const t = useTranslations("report");
  const card = useContext(ChartCardContext);
  const summaryId = useId();
  return (
    <figure aria-label={label} aria-describedby={summaryId} className="min-w-0">
      {children}
      <figcaption id={summaryId} className="mt-1 text-xs text-slate-600">
        {summary}{" "}
        {card ? (
          <a
            href={`#${card.tableId}`}
            className="no-print text-brand-700 underline"
            onClick={(e) => {
              e.preventDefault();
              card.openTable();
            }}
          >
            {t("readTable")}
          </a>
        ) : null}
      </figcaption>
    </figure>
  );
}
