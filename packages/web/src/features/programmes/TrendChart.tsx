import { Skeleton } from 'antd';
import { useEffect, useMemo, useRef, useState } from 'react';
import { type Language, trendChartOption } from './programmeText';

type ChartInstance = ReturnType<typeof import('./trendChartRuntime')['init']>;

interface TrendChartProps {
  series: ReadonlyArray<{ year: number; value: number | null }>;
  target: number;
  unitOfMeasure: string;
  language: Language;
  /** What the chart shows, for screen readers (the figure itself is written next to it). */
  label: string;
  height?: number;
}

/** A small line of a target's yearly values with the target as a dashed line (ECharts, loaded lazily). */
export function TrendChart({
  series,
  target,
  unitOfMeasure,
  language,
  label,
  height = 110,
}: TrendChartProps) {
  const container = useRef<HTMLDivElement>(null);
  const chart = useRef<ChartInstance | null>(null);
  const [isReady, setIsReady] = useState(false);
  const option = useMemo(
    () => trendChartOption(series, target, unitOfMeasure, language),
    [series, target, unitOfMeasure, language],
  );

  useEffect(() => {
    let isCancelled = false;
    let observer: ResizeObserver | undefined;
    void import('./trendChartRuntime').then(({ init }) => {
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
      <div ref={container} role="img" aria-label={label} style={{ height }} />
      {isReady ? null : (
        <div style={{ position: 'absolute', inset: 0 }}>
          <Skeleton.Node active style={{ width: '100%', height }} />
        </div>
      )}
    </div>
  );
}
