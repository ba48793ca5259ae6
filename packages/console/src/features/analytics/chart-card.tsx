import { useId, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { DataTable } from './data-table.tsx';
import { datasetCsv, type Dataset } from './dataset.ts';
import { downloadCsv } from './download-csv.ts';

interface ChartCardProps {
  title: string;
  data: Dataset;
  /** The CSV's file name, without `.csv`. */
  filename: string;
  /** What the numbers mean, in the reader's language. */
  definition?: string | null;
  /** More about the numbers, under them (e.g. one definition per row). */
  notes?: ReactNode;
  /** The chart; without one the numbers are shown as a table only. */
  children?: ReactNode;
}

/** A chart with its numbers one click away: "Table" swaps it for an accessible table, "CSV" downloads them. */
export function ChartCard(props: ChartCardProps) {
  const { t } = useTranslation();
  const [asTable, setAsTable] = useState(false);
  const headingId = useId();
  const hasChart = props.children !== undefined && props.data.rows.length > 0;
  return (
    <section className="chart-card" aria-labelledby={headingId}>
      <div className="chart-card__header">
        <h3 id={headingId}>{props.title}</h3>
        <div className="chart-card__tools">
          {hasChart && (
            <button type="button" className="button" aria-pressed={asTable} aria-label={t('analytics.tableOf', { name: props.title })} onClick={() => setAsTable((shown) => !shown)}>
              {t('analytics.table')}
            </button>
          )}
          <button type="button" className="button" aria-label={t('analytics.csvOf', { name: props.title })} onClick={() => downloadCsv(props.filename, datasetCsv(props.data))}>
            {t('analytics.csv')}
          </button>
        </div>
      </div>
      {props.definition && <p className="definition">{props.definition}</p>}
      {hasChart && !asTable
        // Axes read left to right in every language; labels and numbers are translated.
        ? <div className="chart-card__chart" dir="ltr">{props.children}</div>
        : <DataTable caption={props.title} captionHidden data={props.data} />}
      {props.notes}
    </section>
  );
}
