import { useTranslation } from 'react-i18next';
import type { CsvCell } from './csv.ts';
import type { Column, Dataset } from './dataset.ts';

function cellText(column: Column, value: CsvCell, count: (n: number) => string): string {
  if (column.format) return column.format(value);
  if (value === null || value === undefined || value === '') return '—';
  return typeof value === 'number' ? count(value) : value;
}

/** A chart's numbers as a table; the first column names each row. */
export function DataTable(props: { caption: string; data: Dataset; captionHidden?: boolean }) {
  const { t, i18n } = useTranslation();
  const numbers = new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 2 });
  const { columns, rows } = props.data;
  return (
    <div className="data-table">
      <table className="table">
        <caption className={props.captionHidden ? 'visually-hidden' : undefined}>{props.caption}</caption>
        <thead>
          <tr>{columns.map((c, i) => <th key={i} scope="col" className={c.numeric ? 'num' : undefined}>{c.label}</th>)}</tr>
        </thead>
        <tbody>
          {rows.length === 0 && <tr><td colSpan={columns.length}>{t('analytics.noData')}</td></tr>}
          {rows.map((row, r) => (
            <tr key={r}>
              {columns.map((c, i) => {
                const text = cellText(c, row[i], (n) => numbers.format(n));
                return i === 0
                  ? <th key={i} scope="row" dir="auto">{text}</th>
                  : <td key={i} className={c.numeric ? 'num' : undefined} dir={c.numeric ? undefined : 'auto'}>{text}</td>;
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
