import type { CsvCell } from './csv.ts';
import { toCsv } from './csv.ts';

/** One column of numbers behind a chart or table: shown formatted, downloaded raw. */
export interface Column {
  label: string;
  /** The header in the CSV when it differs, e.g. with the unit the raw value is in. */
  csvLabel?: string;
  /** How a value is shown on screen; the CSV keeps the raw value. */
  format?: (value: CsvCell) => string;
  /** Numbers align to the end of the cell. */
  numeric?: boolean;
}

export interface Dataset {
  columns: readonly Column[];
  rows: readonly (readonly CsvCell[])[];
}

export const datasetCsv = (data: Dataset) => toCsv(data.columns.map((c) => c.csvLabel ?? c.label), data.rows);
