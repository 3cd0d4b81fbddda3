// Apache ECharts, only the parts the dashboard draws (tree-shaken by esbuild), and the look shared by every chart.
import * as echarts from 'echarts/core';
import { BarChart, HeatmapChart, LineChart, ScatterChart } from 'echarts/charts';
import { GraphicComponent, GridComponent, LegendComponent, MarkLineComponent, TooltipComponent, VisualMapComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([BarChart, HeatmapChart, LineChart, ScatterChart, GraphicComponent, GridComponent, LegendComponent, MarkLineComponent, TooltipComponent, VisualMapComponent, CanvasRenderer]);

export { echarts };

export const colors = {
  text: '#e3ecfa',
  muted: '#93a8c9',
  line: '#3a5a8c',
  split: '#17335f',
  accent: '#38b6ff',
  previous: '#5b7bb0',
  good: '#3ccf91',
  bad: '#ff6b6b',
  warn: '#ffb84d',
  panel: '#0d2247',
};

export const palette = ['#38b6ff', '#ffb84d', '#3ccf91', '#ff6b6b', '#b18cff', '#4fd6d6', '#ff8fc7', '#c8d65b', '#ff9f5b', '#8fb3ff', '#6be39b', '#e0c36b'];

/** The CSS font stack, so that canvas text uses the same CJK font as the page (none is downloaded). */
export const fontFamily = getComputedStyle(document.documentElement).fontFamily;

export function axis(extra = {}) {
  return {
    axisLine: { lineStyle: { color: colors.line } },
    axisTick: { lineStyle: { color: colors.line } },
    axisLabel: { color: colors.muted, fontFamily },
    nameTextStyle: { color: colors.muted, fontFamily },
    splitLine: { lineStyle: { color: colors.split } },
    ...extra,
  };
}

/** What every chart's option starts with: no animation (a big screen refreshes; tests and PNGs see the final frame). */
export function base(option) {
  return {
    animation: false,
    color: palette,
    backgroundColor: 'transparent',
    textStyle: { fontFamily, color: colors.text },
    tooltip: { confine: true, backgroundColor: '#0a1c3c', borderColor: colors.line, textStyle: { color: colors.text, fontFamily } },
    ...option,
  };
}

/** A line of text in the middle of an empty chart. */
export function emptyGraphic(text, color = colors.muted) {
  return { type: 'text', left: 'center', top: 'middle', style: { text, fill: color, font: `16px ${fontFamily}` } };
}
