import { LineChart } from 'echarts/charts';
import { GridComponent, MarkLineComponent, TooltipComponent } from 'echarts/components';
import { init, use } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';

/**
 * The parts of ECharts the programme page's trend lines use, loaded only when a trend is first
 * shown: `TrendChart` imports this module lazily, so ECharts stays out of the page's chunk.
 */
use([LineChart, GridComponent, MarkLineComponent, TooltipComponent, SVGRenderer]);

export { init };
