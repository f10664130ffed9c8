import { BarChart } from 'echarts/charts';
import { AriaComponent, GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { init, use, type ComposeOption } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import type { BarSeriesOption } from 'echarts/charts';
import type { AriaComponentOption, GridComponentOption, LegendComponentOption, TooltipComponentOption } from 'echarts/components';
import { useEffect, useRef, type DependencyList, type RefObject } from 'react';

// Only the parts of ECharts the dashboard's charts use, so its code chunk stays small. SVG rather than canvas: crisp
// at any zoom, and the chart's text is real text.
use([BarChart, GridComponent, LegendComponent, TooltipComponent, AriaComponent, SVGRenderer]);

export type BarChartOption = ComposeOption<BarSeriesOption | GridComponentOption | LegendComponentOption | TooltipComponentOption | AriaComponentOption>;

/** The options every dashboard bar chart shares, in the theme's text colour (light or dark). */
export function commonOptions(textColour: string | undefined): BarChartOption {
  return {
    aria: { enabled: true },
    animation: false,
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { bottom: 0, ...(textColour ? { textStyle: { color: textColour } } : {}) },
  };
}

/** An axis label style in the theme's text colour, when it is known. */
export function axisLabel(textColour: string | undefined): { axisLabel?: { color: string } } {
  return textColour ? { axisLabel: { color: textColour } } : {};
}

/**
 * Draws an ECharts bar chart into the returned element, again whenever `deps` change, resized with its container and
 * disposed with the component. `build` gets the theme's text colour.
 */
export function useBarChart(build: (textColour: string | undefined) => BarChartOption, deps: DependencyList): RefObject<HTMLDivElement | null> {
  const element = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const container = element.current;
    if (!container) {
      return;
    }
    const chart = init(container, undefined, { renderer: 'svg' });
    const textColour = getComputedStyle(document.documentElement).getPropertyValue('--pf-t--global--text--color--regular').trim() || undefined;
    chart.setOption(build(textColour));
    const resize = new ResizeObserver(() => chart.resize());
    resize.observe(container);
    return () => {
      resize.disconnect();
      chart.dispose();
    };
    // the caller names what the chart depends on
  }, deps);
  return element;
}
