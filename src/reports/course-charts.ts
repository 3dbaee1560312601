import type { Locale } from '../db/database.js';
import { formatDay } from '../web/dates.js';
import type { Translate } from '../web/i18n/index.js';
import { barChart, lineChart } from './charts.js';
import { SCORE_LABELS, type CourseSummary } from './course-summary.js';

export type ChartView = {
  /** Prefix of the ids of the chart's title and sentence, unique on the page. */
  id: string;
  title: string;
  /** What the chart shows, in one or two sentences: its text equivalent with the table. */
  summary: string;
  svg: string;
  /** The chart's numbers, for its table: a label (dates as YYYY-MM-DD, score ranges) and a count. */
  rows: Array<{ label: string; value: number }>;
  /** Headers of the table's two columns. */
  columns: [string, string];
};

/**
 * The two charts of a course's dashboard (completions over time, final-score distribution), each
 * with a visible title, labelled axes with units, a sentence saying what it shows and its numbers.
 */
export function courseCharts(
  courseId: number,
  summary: CourseSummary,
  locale: Locale,
  t: Translate,
): ChartView[] {
  let running = 0;
  const cumulative = summary.completions.map((point) => ({
    label: point.day,
    value: (running += point.count),
  }));
  const completionId = `chart-${courseId}-completions`;
  const completionTitle = t('reports.completionOverTime');
  const lastDay = summary.completions.at(-1)?.day;
  const completion: ChartView = {
    id: completionId,
    title: completionTitle,
    summary: lastDay
      ? t('reports.completionSummary', { count: running, last: formatDay(locale, lastDay) })
      : t('reports.noCompletions'),
    svg: lineChart(
      {
        title: completionTitle,
        xAxis: t('reports.chart.dayAxis'),
        yAxis: t('reports.chart.completedAxis'),
        describedBy: `${completionId}-summary`,
      },
      cumulative,
    ),
    rows: cumulative,
    columns: [t('reports.day'), t('reports.completedSoFar')],
  };

  const scoreId = `chart-${courseId}-scores`;
  const scoreTitle = t('reports.scoreDistribution');
  const score: ChartView = {
    id: scoreId,
    title: scoreTitle,
    summary:
      summary.scored > 0
        ? t('reports.scoreSummary', {
            count: summary.scored,
            average: summary.averageScore ?? 0,
            lowest: summary.lowestScore ?? 0,
            highest: summary.highestScore ?? 0,
          })
        : t('reports.noScores'),
    svg: barChart(
      {
        title: scoreTitle,
        xAxis: t('reports.chart.scoreAxis'),
        yAxis: t('reports.chart.learnersAxis'),
        describedBy: `${scoreId}-summary`,
      },
      SCORE_LABELS,
      summary.distribution,
      Array.from({ length: 11 }, (_, index) => String(index * 10)),
    ),
    rows: SCORE_LABELS.map((label, index) => ({ label, value: summary.distribution[index]! })),
    columns: [t('reports.scoreRange'), t('reports.learnersCount')],
  };
  return [completion, score];
}
