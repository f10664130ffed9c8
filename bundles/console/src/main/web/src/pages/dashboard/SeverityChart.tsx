import { useTranslation } from 'react-i18next';
import { severities } from '../../api/events';
import { axisLabel, commonOptions, useBarChart } from './barChart';
import type { SeriesBySeverity } from './eventStats';

/** Severity colours, from the most to the least severe (PatternFly's danger, orange, warning and info hues). */
const colours = { critical: '#c9190b', 'functional-failure': '#ec7a08', warning: '#f0ab00', info: '#2b9af3' } as const;

/** Events per hour as stacked bars, one colour per severity; below it, the same numbers as a table for screen readers. */
export function SeverityChart({ series }: { series: SeriesBySeverity }) {
  const { t, i18n } = useTranslation();
  const element = useBarChart(
    (textColour) => {
      const hour = new Intl.DateTimeFormat(i18n.language, { hour: '2-digit', minute: '2-digit' });
      return {
        ...commonOptions(textColour),
        grid: { left: 8, right: 8, top: 16, bottom: 40, containLabel: true },
        xAxis: { type: 'category', data: series.buckets.map((bucket) => hour.format(bucket)), ...axisLabel(textColour) },
        yAxis: { type: 'value', minInterval: 1, ...axisLabel(textColour) },
        series: severities.map((severity) => ({
          name: t(`events.severities.${severity}`),
          type: 'bar',
          stack: 'events',
          data: series.counts[severity],
          itemStyle: { color: colours[severity] },
          emphasis: { focus: 'series' },
        })),
      };
    },
    [series, t, i18n.language],
  );

  const totals = severities.map((severity) => ({ severity, total: series.counts[severity].reduce((sum, count) => sum + count, 0) }));
  return (
    <>
      <div ref={element} className="garrison-chart" role="img" aria-label={t('dashboard.eventsBySeverity.chartLabel')} />
      <table className="pf-v6-screen-reader">
        <caption>{t('dashboard.eventsBySeverity.tableCaption')}</caption>
        <tbody>
          {totals.map(({ severity, total }) => (
            <tr key={severity}>
              <th scope="row">{t(`events.severities.${severity}`)}</th>
              <td>{total}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
