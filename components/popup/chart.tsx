import { useEffect, useRef } from 'preact/hooks';
import type uPlot from 'uplot';

/** The colours of the popup's theme (light or dark, from the system), read from its CSS variables. */
export interface ChartColors {
  fg: string;
  muted: string;
  line: string;
  series: [string, string, string];
}

function colors(): ChartColors {
  const css = getComputedStyle(document.documentElement);
  const v = (name: string) => css.getPropertyValue(name).trim();
  return { fg: v('--fg'), muted: v('--muted'), line: v('--line'), series: [v('--chart-1'), v('--chart-2'), v('--chart-3')] };
}

export type ChartSpec = (u: typeof uPlot, size: { width: number; height: number }, c: ChartColors) => { options: Omit<uPlot.Options, 'width' | 'height'>; data: uPlot.AlignedData };

export const axisFont = '11px system-ui, sans-serif';

/**
 * A uPlot chart as an image with a text alternative: `label` says what it shows and `describedBy` points at the table
 * that holds the same figures. uPlot is loaded on the first draw, after the first paint.
 * `deps` says when to draw again (the figures changed).
 */
export function Chart({ label, describedBy, spec, deps, height = 150, testId }: { label: string; describedBy?: string; spec: ChartSpec; deps: unknown[]; height?: number; testId?: string }) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    let chart: uPlot | undefined;
    let cancelled = false;
    const draw = () =>
      void import('./uplot').then(({ default: U }) => {
        const el = box.current;
        if (cancelled || !el) return;
        const size = { width: Math.max(200, el.clientWidth), height };
        const { options, data } = spec(U, size, colors());
        chart = new U({ ...options, ...size }, data, el);
      });
    // After the frame with the figures and tables is painted: the chart library never delays them.
    let timer: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => (timer = setTimeout(draw, 0)));
    return () => {
      cancelled = true;
      cancelAnimationFrame(frame);
      clearTimeout(timer);
      chart?.destroy();
    };
  }, deps);
  return <div ref={box} class="chart" role="img" aria-label={label} aria-describedby={describedBy} data-testid={testId} style={{ minHeight: `${height}px` }} />;
}
