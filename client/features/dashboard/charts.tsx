/**
 * Hand-made SVG charts for the dashboard: a progress bar, monthly columns and horizontal bars. Plain shapes and
 * text, readable in black and white (values are written, not only coloured), so they survive printing.
 */
import { clearancePalette } from '../../map/palette';

export function ProgressBar({ pct, label, testId }: { pct: number | null; label: string; testId?: string }) {
  const w = Math.max(0, Math.min(100, pct ?? 0));
  return (
    <div className="progress" role="img" aria-label={label} data-testid={testId}>
      <div className="progress-track"><div className="progress-fill" style={{ width: `${w}%` }} /></div>
      <span className="progress-label">{label}</span>
    </div>
  );
}

export interface Column { key: string; label: string; parts: { value: number; color: string }[]; total: string }

/** Stacked columns (e.g. ha handed over per month), the total written above each column. */
export function ColumnChart({ columns, height = 160, title }: { columns: Column[]; height?: number; title: string }) {
  const max = Math.max(1e-9, ...columns.map((c) => c.parts.reduce((s, p) => s + p.value, 0)));
  const colW = 34;
  const width = Math.max(200, columns.length * colW + 10);
  const plotH = height - 34;
  return (
    <svg className="chart" viewBox={`0 0 ${width} ${height}`} width="100%" role="img" aria-label={title} preserveAspectRatio="xMinYMin meet">
      <line x1={4} x2={width - 4} y1={plotH + 12} y2={plotH + 12} stroke="#888" strokeWidth={0.8} />
      {columns.map((c, i) => {
        let y = plotH + 12;
        const x = 8 + i * colW;
        return (
          <g key={c.key}>
            {c.parts.map((p, j) => {
              const h = (p.value / max) * plotH;
              y -= h;
              return <rect key={j} x={x} y={y} width={colW - 8} height={h} fill={p.color} stroke="#333" strokeWidth={0.4} />;
            })}
            <text x={x + (colW - 8) / 2} y={y - 3} fontSize={8.5} textAnchor="middle">{c.total}</text>
            <text x={x + (colW - 8) / 2} y={plotH + 24} fontSize={8} textAnchor="middle">{c.label}</text>
          </g>
        );
      })}
    </svg>
  );
}

export interface Bar { key: string; label: string; value: number; note: string }

/** Horizontal bars, label left, value and note right. */
export function BarChart({ bars, title, color = clearancePalette.stuck }: { bars: Bar[]; title: string; color?: string }) {
  const max = Math.max(1e-9, ...bars.map((b) => b.value));
  const rowH = 26;
  const width = 560;
  const labelW = 210;
  const barMax = 150;
  return (
    <svg className="chart" viewBox={`0 0 ${width} ${bars.length * rowH + 6}`} width="100%" role="img" aria-label={title}>
      {bars.map((b, i) => {
        const y = 4 + i * rowH;
        const w = (b.value / max) * barMax;
        return (
          <g key={b.key}>
            <text x={0} y={y + 14} fontSize={11}>{b.label}</text>
            <rect x={labelW} y={y + 3} width={w} height={15} fill={color} fillOpacity={0.75} stroke="#333" strokeWidth={0.4} />
            <text x={labelW + w + 6} y={y + 14} fontSize={11}>{b.note}</text>
          </g>
        );
      })}
    </svg>
  );
}
