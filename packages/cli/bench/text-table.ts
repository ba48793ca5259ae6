// Plain-text tables for the bench's console output: the first column left-aligned, the rest right-aligned.

export const percent = (value: number, digits = 1) => `${(value * 100).toFixed(digits)}%`;
const sign = (value: number) => (value >= 0 ? '+' : '−');
export const points = (difference: number) => `${sign(difference)}${Math.abs(difference * 100).toFixed(2)} pp`;
export const seconds = (value: number) => `${value.toFixed(1)} s`;
export const secondsDifference = (difference: number) => `${sign(difference)}${Math.abs(difference).toFixed(1)} s`;
export const count = (value: number) => value.toLocaleString('en-US');

export function textTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => (row[i] ?? '').length)));
  const line = (cells: readonly string[]) => cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}
