import { BarChart } from 'echarts/charts';
import { AriaComponent, GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { init, use, type ComposeOption } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import type { BarSeriesOption } from 'echarts/charts';
import type { AriaComponentOption, GridComponentOption, LegendComponentOption, TooltipComponentOption } from 'echarts/components';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { protectionGroups, type ProtectionCounts } from './protectionStats';

use([BarChart, GridComponent, LegendComponent, TooltipComponent, AriaComponent, SVGRenderer]);

type ChartOption = ComposeOption<BarSeriesOption | GridComponentOption | LegendComponentOption | TooltipComponentOption | AriaComponentOption>;

/** PatternFly's success, warning, danger and disabled hues. */
const colours = { on: '#3e8635', paused: '#f0ab00', off: '#c9190b', other: '#8a8d90' } as const;

/**
 * Devices per real-time protection state as one stacked horizontal bar per application; below it, the same numbers
 * as a table for screen readers.
 */
export function ProtectionChart({ applications }: { applications: ProtectionCounts[] }) {
  const { t, i18n } = useTranslation();
  const element = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const container = element.current;
    if (!container) {
      return;
    }
    const chart = init(container, undefined, { renderer: 'svg' });
    const textColour = getComputedStyle(document.documentElement).getPropertyValue('--pf-t--global--text--color--regular').trim() || undefined;
    // the first application on top, as in the list below the chart
    const shown = [...applications].reverse();
    const option: ChartOption = {
      aria: { enabled: true },
      animation: false,
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { bottom: 0, ...(textColour ? { textStyle: { color: textColour } } : {}) },
      grid: { left: 8, right: 16, top: 8, bottom: 40, containLabel: true },
      xAxis: { type: 'value', minInterval: 1, ...(textColour ? { axisLabel: { color: textColour } } : {}) },
      yAxis: {
        type: 'category',
        data: shown.map((application) => application.name),
        axisLabel: { width: 120, overflow: 'truncate', ...(textColour ? { color: textColour } : {}) },
      },
      series: protectionGroups.map((group) => ({
        name: t(`dashboard.protection.${group}`),
        type: 'bar',
        stack: 'devices',
        data: shown.map((application) => application.counts[group]),
        itemStyle: { color: colours[group] },
        emphasis: { focus: 'series' },
        barMaxWidth: 28,
      })),
    };
    chart.setOption(option);
    const resize = new ResizeObserver(() => chart.resize());
    resize.observe(container);
    return () => {
      resize.disconnect();
      chart.dispose();
    };
  }, [applications, t, i18n.language]);

  return (
    <>
      <div
        ref={element}
        className="garrison-chart"
        style={{ height: `${6 + 3 * applications.length}rem` }}
        role="img"
        aria-label={t('dashboard.protection.chartLabel')}
        data-testid="protection-chart"
      />
      <table className="pf-v6-screen-reader">
        <caption>{t('dashboard.protection.tableCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('dashboard.protection.application')}</th>
            {protectionGroups.map((group) => (
              <th key={group} scope="col">
                {t(`dashboard.protection.${group}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {applications.map((application) => (
            <tr key={application.applicationId}>
              <th scope="row">{application.name}</th>
              {protectionGroups.map((group) => (
                <td key={group}>{application.counts[group]}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
