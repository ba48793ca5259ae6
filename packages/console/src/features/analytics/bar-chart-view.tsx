import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from 'recharts';
import { SERIES_COLOURS, chartStyle } from './chart-theme.ts';

export interface Series {
  key: string;
  name: string;
}

interface BarChartViewProps {
  rows: readonly Record<string, string | number | null>[];
  /** The key of each row's label. */
  category: string;
  series: readonly Series[];
  format: (value: number) => string;
  /** Bars across, with the labels down the side: for long labels such as reasons. */
  horizontal?: boolean;
}

/** Bars per category; one or more series side by side. */
export function BarChartView(props: BarChartViewProps) {
  const { rows, category, series, format, horizontal } = props;
  const tick = (value: unknown) => format(Number(value));
  const height = horizontal ? Math.max(160, rows.length * 34 + 60) : undefined;
  return (
    <BarChart responsive style={chartStyle(height)} data={[...rows]} layout={horizontal ? 'vertical' : 'horizontal'} margin={{ top: 8, right: 16, bottom: 8, left: 8 }}>
      <CartesianGrid strokeDasharray="3 3" vertical={!!horizontal} horizontal={!horizontal} />
      <XAxis {...(horizontal ? { type: 'number', tickFormatter: tick, allowDecimals: false } : { dataKey: category, interval: 'preserveStartEnd' })} />
      <YAxis {...(horizontal ? { type: 'category', dataKey: category, width: 170 } : { tickFormatter: tick, allowDecimals: false, width: 56 })} />
      <Tooltip formatter={(value) => format(Number(value))} />
      {series.length > 1 && <Legend />}
      {series.map((s, i) => <Bar key={s.key} dataKey={s.key} name={s.name} fill={SERIES_COLOURS[i % SERIES_COLOURS.length]} isAnimationActive={false} />)}
    </BarChart>
  );
}
