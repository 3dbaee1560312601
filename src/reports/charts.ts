/**
 * Server-rendered SVG charts: no chart library for the learner's or trainer's browser to download.
 * Every text is escaped here. Each chart names its axes and their units; its visible title, a
 * sentence saying what it shows and the table of its numbers are written next to it by the page
 * (views/reports/chart.eta), and the SVG points to them for screen readers.
 */
const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

// Narrow enough that the text stays readable when a phone shrinks the chart to its width.
const WIDTH = 480;
const HEIGHT = 250;
const PAD = { top: 34, right: 14, bottom: 50, left: 40 };
const PLOT_WIDTH = WIDTH - PAD.left - PAD.right;
const PLOT_HEIGHT = HEIGHT - PAD.top - PAD.bottom;

export type ChartText = {
  /** The chart's name (also its accessible name). */
  title: string;
  /** The horizontal axis and its unit, e.g. "Final score (%)". */
  xAxis: string;
  /** The vertical axis and its unit, e.g. "Learners (number)". */
  yAxis: string;
  /** The id of the sentence (and table) that say in words what the chart shows. */
  describedBy?: string;
};

function frame(text: ChartText, body: string): string {
  const described = text.describedBy ? ` aria-describedby="${escape(text.describedBy)}"` : '';
  // Charts read left to right in every language (as axes do in Arabic print), so fix the direction.
  return `<svg class="chart" viewBox="0 0 ${WIDTH} ${HEIGHT}" role="img" aria-label="${escape(text.title)}"${described} direction="ltr" xmlns="http://www.w3.org/2000/svg"><title>${escape(text.title)}</title>${body}${axisLabels(text)}</svg>`;
}

/** The vertical axis's name above it (readable without turning the head), the horizontal one's below. */
function axisLabels(text: ChartText): string {
  return (
    `<text class="chart-axis-label" x="${PAD.left + PLOT_WIDTH / 2}" y="${HEIGHT - 8}" text-anchor="middle" font-size="15" fill="#1c2430">${escape(text.xAxis)}</text>` +
    `<text class="chart-axis-label" x="4" y="18" font-size="15" fill="#1c2430">${escape(text.yAxis)}</text>`
  );
}

/** The horizontal grid lines with their values: 0, the middle (when it is a whole number) and the top. */
function grid(maxValue: number): string {
  const ticks = [...new Set([0, Math.round(maxValue / 2), maxValue])];
  const lines = ticks
    .map((tick) => {
      const y = PAD.top + PLOT_HEIGHT - (maxValue === 0 ? 0 : (tick / maxValue) * PLOT_HEIGHT);
      return `<line class="chart-grid" x1="${PAD.left}" x2="${WIDTH - PAD.right}" y1="${y}" y2="${y}" stroke="#d3d9e2"/><text class="chart-tick" x="${PAD.left - 6}" y="${y + 4}" text-anchor="end" font-size="14" fill="#4a5566">${tick}</text>`;
    })
    .join('');
  const axis = `<line class="chart-axis" x1="${PAD.left}" x2="${PAD.left}" y1="${PAD.top}" y2="${PAD.top + PLOT_HEIGHT}" stroke="#4a5566"/>`;
  return lines + axis;
}

/**
 * Vertical bars, one per label (e.g. score buckets 0–9 … 90–100). With `edges` (one more than
 * the bars, e.g. 0, 10 … 100) the axis is marked at the bars' boundaries, as a histogram's is.
 */
export function barChart(
  text: ChartText,
  labels: string[],
  values: number[],
  edges?: string[],
): string {
  const max = Math.max(1, ...values);
  const slot = PLOT_WIDTH / values.length;
  const tickY = PAD.top + PLOT_HEIGHT + 18;
  const tick = (x: number, label: string) =>
    `<text class="chart-tick" x="${x.toFixed(1)}" y="${tickY}" text-anchor="middle" font-size="13" fill="#4a5566">${escape(label)}</text>`;
  const bars = values
    .map((value, index) => {
      const height = (value / max) * PLOT_HEIGHT;
      const x = PAD.left + index * slot + slot * 0.1;
      const bar = `<rect class="chart-bar" x="${x.toFixed(1)}" y="${(PAD.top + PLOT_HEIGHT - height).toFixed(1)}" width="${(slot * 0.8).toFixed(1)}" height="${height.toFixed(1)}" fill="#1f5f8b"><title>${escape(`${labels[index]}: ${value}`)}</title></rect>`;
      return edges ? bar : bar + tick(x + slot * 0.4, labels[index] ?? '');
    })
    .join('');
  const edgeTicks = (edges ?? []).map((label, index) => tick(PAD.left + index * slot, label));
  return frame(text, grid(max) + bars + edgeTicks.join(''));
}

/** A cumulative line over dates, e.g. completions so far on each day. */
export function lineChart(
  text: ChartText,
  points: Array<{ label: string; value: number }>,
): string {
  if (points.length === 0) return frame(text, grid(1));
  const max = Math.max(1, ...points.map((point) => point.value));
  const x = (index: number) =>
    PAD.left + (points.length === 1 ? PLOT_WIDTH / 2 : (index / (points.length - 1)) * PLOT_WIDTH);
  const y = (value: number) => PAD.top + PLOT_HEIGHT - (value / max) * PLOT_HEIGHT;
  const path = points
    .map(
      (point, index) =>
        `${index === 0 ? 'M' : 'L'}${x(index).toFixed(1)},${y(point.value).toFixed(1)}`,
    )
    .join(' ');
  const dots = points
    .map(
      (point, index) =>
        `<circle class="chart-dot" cx="${x(index).toFixed(1)}" cy="${y(point.value).toFixed(1)}" r="3.5" fill="#164766"><title>${escape(`${point.label}: ${point.value}`)}</title></circle>`,
    )
    .join('');
  const first = points[0]!;
  const last = points.at(-1)!;
  const tickY = PAD.top + PLOT_HEIGHT + 18;
  const labels =
    points.length === 1
      ? `<text class="chart-tick" x="${x(0)}" y="${tickY}" text-anchor="middle" font-size="13" fill="#4a5566">${escape(first.label)}</text>`
      : `<text class="chart-tick" x="${PAD.left}" y="${tickY}" font-size="13" fill="#4a5566">${escape(first.label)}</text><text class="chart-tick" x="${WIDTH - PAD.right}" y="${tickY}" text-anchor="end" font-size="13" fill="#4a5566">${escape(last.label)}</text>`;
  return frame(
    text,
    `${grid(max)}<path class="chart-line" d="${path}" fill="none" stroke="#1f5f8b" stroke-width="2.5"/>${dots}${labels}`,
  );
}
