import { formatFigure, type Figure } from './figures';
import { benchImport } from './import';
import { benchIngest } from './ingest';
import { benchOverlay } from './overlay';
import { benchPageHook } from './page-hook';
import { benchPopup } from './popup';
import { benchRules } from './rules';
import { benchSidePanel } from './side-panel';

/**
 * `npm run bench`: figures measured in real Chromium, each against a baseline measured in the same run.
 * Printed one per line as `name: value unit (ratio x.xx vs baseline)`.
 */
const benches: [string, () => Promise<Figure[]>][] = [
  ['page hook', benchPageHook],
  ['ingest', () => benchIngest()],
  ['import', () => benchImport()],
  ['rules', () => benchRules()],
  ['side panel', () => benchSidePanel()],
  ['overlay', benchOverlay],
  ['popup', () => benchPopup()],
];

for (const [name, run] of benches) {
  const figures = await run();
  for (const f of figures) console.log(formatFigure(f));
  if (figures.length === 0) console.log(`${name}: no figures`);
}
