/**
 * Server-rendered SVG charts: no chart library for the learner's or trainer's browser to download.
 * Every text is escaped here; the numbers are also given in a table next to each chart.
 */
const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const WIDTH = 600;
const HEIGHT = 220;
const PAD = { top: 16, right: 16, bottom: 40, left: 44 };

function frame(title: string, body: string): string {
  // Charts read left to right in every language (as axes do in Arabic print), so fix the direction.
  return `<svg class="chart" viewBox="0 0 ${WIDTH} ${HEIGHT}" role="img" aria-label="${escape(title)}" direction="ltr" xmlns="http://www.w3.org/2000/svg"><title>${escape(title)}</title>${body}</svg>`;
}

function axes(maxValue: number): string {
  const plotHeight = HEIGHT - PAD.top - PAD.bottom;
  const ticks = [0, Math.ceil(maxValue / 2), maxValue];
  return ticks
    .map((tick) => {
      const y = PAD.top + plotHeight - (maxValue === 0 ? 0 : (tick / maxValue) * plotHeight);
      return `<line x1="${PAD.left}" x2="${WIDTH - PAD.right}" y1="${y}" y2="${y}" stroke="#d3d9e2"/><text x="${PAD.left - 6}" y="${y + 4}" text-anchor="end" font-size="12" fill="#4a5566">${tick}</text>`;
    })
    .join('');
}

/** Vertical bars, one per label (e.g. score buckets 0–9 … 90–100). */
export function barChart(title: string, labels: string[], values: number[]): string {
  const max = Math.max(1, ...values);
  const plotWidth = WIDTH - PAD.left - PAD.right;
  const plotHeight = HEIGHT - PAD.top - PAD.bottom;
  const slot = plotWidth / values.length;
  const bars = values
    .map((value, index) => {
      const height = (value / max) * plotHeight;
      const x = PAD.left + index * slot + slot * 0.15;
      return `<rect x="${x.toFixed(1)}" y="${(PAD.top + plotHeight - height).toFixed(1)}" width="${(slot * 0.7).toFixed(1)}" height="${height.toFixed(1)}" fill="#1f5f8b"><title>${escape(`${labels[index]}: ${value}`)}</title></rect><text x="${(x + slot * 0.35).toFixed(1)}" y="${HEIGHT - PAD.bottom + 16}" text-anchor="middle" font-size="11" fill="#4a5566">${escape(labels[index] ?? '')}</text>`;
    })
    .join('');
  return frame(title, axes(max) + bars);
}

/** A cumulative line over dates, e.g. completions so far on each day. */
export function lineChart(title: string, points: Array<{ label: string; value: number }>): string {
  if (points.length === 0) return frame(title, axes(1));
  const max = Math.max(1, ...points.map((point) => point.value));
  const plotWidth = WIDTH - PAD.left - PAD.right;
  const plotHeight = HEIGHT - PAD.top - PAD.bottom;
  const x = (index: number) =>
    PAD.left + (points.length === 1 ? plotWidth / 2 : (index / (points.length - 1)) * plotWidth);
  const y = (value: number) => PAD.top + plotHeight - (value / max) * plotHeight;
  const path = points
    .map(
      (point, index) =>
        `${index === 0 ? 'M' : 'L'}${x(index).toFixed(1)},${y(point.value).toFixed(1)}`,
    )
    .join(' ');
  const dots = points
    .map(
      (point, index) =>
        `<circle cx="${x(index).toFixed(1)}" cy="${y(point.value).toFixed(1)}" r="3" fill="#164766"><title>${escape(`${point.label}: ${point.value}`)}</title></circle>`,
    )
    .join('');
  const first = points[0]!;
  const last = points.at(-1)!;
  const labels = `<text x="${PAD.left}" y="${HEIGHT - PAD.bottom + 16}" font-size="11" fill="#4a5566">${escape(first.label)}</text><text x="${WIDTH - PAD.right}" y="${HEIGHT - PAD.bottom + 16}" text-anchor="end" font-size="11" fill="#4a5566">${escape(last.label)}</text>`;
  return frame(
    title,
    `${axes(max)}<path d="${path}" fill="none" stroke="#1f5f8b" stroke-width="2.5"/>${dots}${labels}`,
  );
}
