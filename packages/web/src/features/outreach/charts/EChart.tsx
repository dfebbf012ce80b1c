import { Spin } from 'antd';
import { useEffect, useRef, useState } from 'react';

type ChartInstance = ReturnType<typeof import('./echartsRuntime')['init']>;

interface EChartProps {
  /** An ECharts option (see `outreachCharts.ts`). */
  option: Record<string, unknown>;
  /** What the chart shows, for screen readers; the same figures are also in a table. */
  label: string;
  height?: number;
  'data-testid'?: string;
}

/**
 * A chart drawn by ECharts. The library is imported inside the effect, so pages without charts
 * never load it and the first chart loads it once (its own chunk).
 */
export function EChart({ option, label, height = 280, 'data-testid': testId }: EChartProps) {
  const container = useRef<HTMLDivElement>(null);
  const chart = useRef<ChartInstance | null>(null);
  const [isReady, setIsReady] = useState(false);

  useEffect(() => {
    let isCancelled = false;
    let observer: ResizeObserver | undefined;
    void import('./echartsRuntime').then(({ init }) => {
      if (isCancelled || !container.current) return;
      chart.current = init(container.current, undefined, { renderer: 'svg' });
      observer = new ResizeObserver(() => chart.current?.resize());
      observer.observe(container.current);
      setIsReady(true);
    });
    return () => {
      isCancelled = true;
      observer?.disconnect();
      chart.current?.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    if (isReady) chart.current?.setOption(option, { notMerge: true });
  }, [isReady, option]);

  return (
    <div style={{ position: 'relative', height }}>
      <div ref={container} role="img" aria-label={label} data-testid={testId} style={{ height }} />
      {isReady ? null : (
        <div style={{ position: 'absolute', inset: 0, display: 'grid', placeItems: 'center' }}>
          <Spin />
        </div>
      )}
    </div>
  );
}
