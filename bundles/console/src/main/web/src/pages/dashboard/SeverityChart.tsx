import { BarChart } from 'echarts/charts';
import { AriaComponent, GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { init, use, type ComposeOption } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import type { BarSeriesOption } from 'echarts/charts';
import type { AriaComponentOption, GridComponentOption, LegendComponentOption, TooltipComponentOption } from 'echarts/components';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { severities } from '../../api/events';
import type { SeriesBySeverity } from './eventStats';

// Only the parts of ECharts this chart uses, so the dashboard's code chunk stays small. SVG rather than canvas: crisp
// at any zoom, and the chart's text is real text.
use([BarChart, GridComponent, LegendComponent, TooltipComponent, AriaComponent, SVGRenderer]);

type ChartOption = ComposeOption<BarSeriesOption | GridComponentOption | LegendComponentOption | TooltipComponentOption | AriaComponentOption>;

/** Severity colours, from the most to the least severe (PatternFly's danger, orange, warning and info hues). */
const colours = { critical: '#c9190b', 'functional-failure': '#ec7a08', warning: '#f0ab00', info: '#2b9af3' } as const;

/** Events per hour as stacked bars, one colour per severity; below it, the same numbers as a table for screen readers. */
export function SeverityChart({ series }: { series: SeriesBySeverity }) {
  const { t, i18n } = useTranslation();
  const element = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const container = element.current;
    if (!container) {
      return;
    }
    const chart = init(container, undefined, { renderer: 'svg' });
    const textColour = getComputedStyle(document.documentElement).getPropertyValue('--pf-t--global--text--color--regular').trim() || undefined;
    const hour = new Intl.DateTimeFormat(i18n.language, { hour: '2-digit', minute: '2-digit' });
    const option: ChartOption = {
      aria: { enabled: true },
      animation: false,
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { bottom: 0, ...(textColour ? { textStyle: { color: textColour } } : {}) },
      grid: { left: 8, right: 8, top: 16, bottom: 40, containLabel: true },
      xAxis: {
        type: 'category',
        data: series.buckets.map((bucket) => hour.format(bucket)),
        ...(textColour ? { axisLabel: { color: textColour } } : {}),
      },
      yAxis: { type: 'value', minInterval: 1, ...(textColour ? { axisLabel: { color: textColour } } : {}) },
      series: severities.map((severity) => ({
        name: t(`events.severities.${severity}`),
        type: 'bar',
        stack: 'events',
        data: series.counts[severity],
        itemStyle: { color: colours[severity] },
        emphasis: { focus: 'series' },
      })),
    };
    chart.setOption(option);
    const resize = new ResizeObserver(() => chart.resize());
    resize.observe(container);
    return () => {
      resize.disconnect();
      chart.dispose();
    };
  }, [series, t, i18n.language]);

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
