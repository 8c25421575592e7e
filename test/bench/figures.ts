/** One measured figure, printed as `name: value unit (ratio x.xx vs baseline)`. */
export interface Figure {
  name: string;
  value: number;
  unit: string;
  /** The measured value over the same measurement of the baseline, in the same run. */
  ratio: number;
  baseline: string;
}

export function formatFigure(f: Figure): string {
  const digits = f.value >= 100 ? 0 : f.value >= 10 ? 1 : 2;
  return `${f.name}: ${f.value.toFixed(digits)} ${f.unit} (ratio ${f.ratio.toFixed(2)} vs ${f.baseline})`;
}

export const median = (xs: readonly number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
};
