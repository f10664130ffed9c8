import { useTranslation } from 'react-i18next';
import { axisLabel, commonOptions, useBarChart } from './barChart';
import { protectionGroups, type ProtectionCounts } from './protectionStats';

/** PatternFly's success, warning, danger and disabled hues. */
const colours = { on: '#3e8635', paused: '#f0ab00', off: '#c9190b', other: '#8a8d90' } as const;

/**
 * Devices per real-time protection state as one stacked horizontal bar per application; below it, the same numbers
 * as a table for screen readers.
 */
export function ProtectionChart({ applications }: { applications: ProtectionCounts[] }) {
  const { t, i18n } = useTranslation();
  const element = useBarChart(
    (textColour) => {
      // the first application on top, as in the list below the chart
      const shown = [...applications].reverse();
      return {
        ...commonOptions(textColour),
        grid: { left: 8, right: 16, top: 8, bottom: 40, containLabel: true },
        xAxis: { type: 'value', minInterval: 1, ...axisLabel(textColour) },
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
    },
    [applications, t, i18n.language],
  );

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
