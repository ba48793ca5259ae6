import { CartesianGrid, Legend, Line, LineChart, Tooltip, XAxis, YAxis } from 'recharts';
import type { Series } from './bar-chart-view.tsx';
import { SERIES_COLOURS, chartStyle } from './chart-theme.ts';

interface LineChartViewProps {
  rows: readonly Record<string, string | number | null>[];
  category: string;
  series: readonly Series[];
  format: (value: number) => string;
  formatCategory: (value: string) => string;
}

/** Values over time (days run left to right in every language, as on a calendar axis). */
export function LineChartView(props: LineChartViewProps) {
  const { rows, category, series, format, formatCategory } = props;
  return (
    <LineChart responsive style={chartStyle()} data={[...rows]} margin={{ top: 8, right: 16, bottom: 8, left: 8 }}>
      <CartesianGrid strokeDasharray="3 3" vertical={false} />
      <XAxis dataKey={category} tickFormatter={(value) => formatCategory(String(value))} interval="preserveStartEnd" minTickGap={16} />
      <YAxis tickFormatter={(value) => format(Number(value))} allowDecimals={false} width={56} />
      <Tooltip formatter={(value) => format(Number(value))} labelFormatter={(value) => formatCategory(String(value))} />
      <Legend />
      {series.map((s, i) => <Line key={s.key} dataKey={s.key} name={s.name} stroke={SERIES_COLOURS[i % SERIES_COLOURS.length]} strokeWidth={2} dot={false} isAnimationActive={false} />)}
    </LineChart>
  );
}
