// A chart for small results: the first text column against the first numeric one, as bars
// (or a line when the text column holds dates). Larger or other shapes show only the table.
import type { Row } from '../../../lakehouse/engine/sql-client';
import { Chart, Plot } from '../../components/Chart';

export const AUTO_CHART_MAX_ROWS = 50;

export function chartable(rows: Row[]): { x: string; y: string } | null {
  if (!rows.length || rows.length > AUTO_CHART_MAX_ROWS) return null;
  const fields = Object.keys(rows[0]!);
  const y = fields.find((f) => rows.every((r) => r[f] == null || typeof r[f] === 'number'));
  const x = fields.find((f) => f !== y && rows.every((r) => r[f] == null || typeof r[f] === 'string' || typeof r[f] === 'number'));
  return x && y ? { x, y } : null;
}

export function AutoChart(props: { rows: Row[]; x: string; y: string }) {
  const data = () => props.rows.map((r) => ({ x: String(r[props.x] ?? '(null)'), y: Number(r[props.y] ?? 0) }));
  return (
    <Chart
      title={`${props.y} by ${props.x}`}
      summary={`Automatic chart of the ${props.rows.length} result rows.`}
      rows={data()}
      columns={[{ key: 'x', label: props.x }, { key: 'y', label: props.y }]}
      height={Math.max(140, data().length * 20 + 40)}
      plot={(t) => ({
        marginLeft: 160,
        x: { label: props.y, grid: true },
        y: { label: null, domain: data().map((d) => d.x) },
        marks: [Plot.barX(data(), { x: 'y', y: 'x', fill: t.accent }), Plot.tip(data(), Plot.pointerY({ x: 'y', y: 'x' }))],
      })}
    />
  );
}
