import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { extensionUrl, launch } from './e2e/browser';
import { BADGE, clickTab, expectOneBadgePerRow, navigate, nextPage, open, tabIdOf, type Env } from './e2e/pages';
import { installSimulator, simUrl } from './sim/install';
import { generateWorld, shopByKey, type ShopKey } from './sim/world';

/**
 * `npm run demo`: Chromium with the built extension on the simulated Affiliate Center. The demo browses the Sample
 * requests tabs first, exactly as a seller would, so everything Collab Lens shows was captured from the pages.
 * `npm run demo -- --headless --out <dir>` writes screenshots instead of leaving the browser open.
 */

const { values } = parseArgs({
  options: {
    headless: { type: 'boolean', default: false },
    out: { type: 'string', default: 'demo-screenshots' },
    shop: { type: 'string', default: 'us' },
    locale: { type: 'string', default: 'en-US' },
  },
});

let headless = values.headless ?? false;
if (!headless && !process.env.DISPLAY && process.platform === 'linux') {
  console.log('No display found: running headless and writing screenshots instead.');
  headless = true;
}

const world = generateWorld({ seed: 7 });
const shop = shopByKey(world, values.shop as ShopKey);
const session = await launch({ headless, locale: values.locale, viewport: { width: 1440, height: 900 } });
await installSimulator(session.context, world, { latencyMs: 120 });
const env: Env = { session, world };

console.log(`Browsing the simulated Affiliate Center (${shop.host}, ${shop.name}) to capture data…`);
const page = await open(env, simUrl(shop, 'sample-request', { tab: 10 }));
for (const tab of ['Ready to ship', 'Shipped', 'In progress', 'Completed', 'Cancelled']) await clickTab(page, tab);
await clickTab(page, 'To review');
const hasMore = async () => page.getByRole('button', { name: 'Next page' }).isEnabled();
while (await hasMore()) await nextPage(page);
await navigate(page, simUrl(shop, 'sample-request', { tab: 10 }));
const tabId = await tabIdOf(env, page);

if (headless) {
  const out = resolve(values.out ?? 'demo-screenshots');
  mkdirSync(out, { recursive: true });
  const files: string[] = [];
  const shot = async (p: typeof page, name: string) => {
    const path = resolve(out, name);
    await p.screenshot({ path });
    files.push(path);
  };

  await expectOneBadgePerRow(page, 'table', Math.min(50, await page.locator('table tbody tr').count()));
  const badge = page.locator(BADGE).first();
  await badge.locator('button').focus();
  await page.waitForTimeout(200);
  await shot(page, 'sample-requests.png');

  const cards = await open(env, simUrl(shop, 'sample-request', { tab: 10, markup: 'cards', generation: 'migrated' }));
  await cards.locator(BADGE).first().waitFor();
  await cards.waitForTimeout(300);
  await shot(cards, 'sample-requests-cards.png');

  const panel = await session.context.newPage();
  await panel.setViewportSize({ width: 420, height: 900 });
  await panel.goto(extensionUrl(session, `sidepanel.html?tabId=${tabId}`));
  await panel.locator('[data-apply-id]').first().waitFor();
  await shot(panel, 'side-panel.png');

  const popup = await session.context.newPage();
  await popup.setViewportSize({ width: 364, height: 560 });
  await popup.goto(extensionUrl(session, `popup.html?tabId=${tabId}`));
  await popup.getByTestId('summary').waitFor();
  await shot(popup, 'popup.png');

  const options = await session.context.newPage();
  await options.goto(extensionUrl(session, 'options.html'));
  await options.getByTestId('diagnostics').waitFor();
  await shot(options, 'options-diagnostics.png');

  console.log(`Screenshots:\n${files.map((f) => `  ${f}`).join('\n')}`);
  await session.close();
} else {
  const panel = await session.context.newPage();
  await panel.goto(extensionUrl(session, `sidepanel.html?tabId=${tabId}`));
  const popup = await session.context.newPage();
  await popup.goto(extensionUrl(session, `popup.html?tabId=${tabId}`));
  await page.bringToFront();
  console.log(
    [
      'Collab Lens is running on the simulated Affiliate Center.',
      `  Sample requests: ${page.url()}`,
      '  The side panel and the popup are open in their own tabs (they follow the Sample requests tab).',
      '  Try other markups and hosts: add &markup=cards, or open https://affiliate-id.tokopedia.com/affiliate/sample/sample-request.',
      'Close the browser window (or press Ctrl+C) to end the demo.',
    ].join('\n'),
  );
  await new Promise<void>((done) => {
    session.context.on('close', () => done());
    process.on('SIGINT', () => void session.close().then(done));
  });
}
