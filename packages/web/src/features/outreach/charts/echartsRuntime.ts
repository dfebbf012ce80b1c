import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { init, use } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';

/**
 * The parts of ECharts the outreach charts use (bars, lines, axes, tooltip, legend, SVG), loaded
 * only when a chart is first shown: `EChart` imports this module lazily, so it is its own chunk.
 */
use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);

export { init };
