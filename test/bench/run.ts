import { benchCreators } from './creators';
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
 * Printed one per line as `name: value unit (ratio x.xx vs baseline)`. `npm run bench -- ingest rules` runs only those.
 */
const benches: [string, () => Promise<Figure[]>][] = [
  ['page hook', benchPageHook],
  ['ingest', () => benchIngest()],
  ['import', () => benchImport()],
  ['rules', () => benchRules()],
  ['side panel', () => benchSidePanel()],
  ['overlay', benchOverlay],
  ['popup', () => benchPopup()],
  ['creators view', () => benchCreators()],
];

const only = process.argv.slice(2);
const unknown = only.filter((n) => !benches.some(([name]) => name === n));
if (unknown.length) throw new Error(`no bench named ${unknown.join(', ')}: ${benches.map(([n]) => n).join(', ')}`);

for (const [name, run] of benches) {
  if (only.length && !only.includes(name)) continue;
  const figures = await run();
  for (const f of figures) console.log(formatFigure(f));
  if (figures.length === 0) console.log(`${name}: no figures`);
}
