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
// The other surfaces, so the popup's benchmarks and outreach and the rule engine's findings have material.
for (const [route, opts] of [
  ['orders', {}],
  ['open-collaboration', {}],
  ['target-invitations', { tab: 2 }],
  ['partner-campaigns', { params: { tab: 'marketplace' } }],
  ['find-creators', {}],
] as const) {
  await navigate(page, simUrl(shop, route, opts));
  await page.locator('[data-collab-lens]').first().waitFor({ timeout: 15_000 }).catch(() => undefined);
}
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

  for (const [name, route, opts] of [
    ['find-creators.png', 'find-creators', {}],
    ['partner-campaigns.png', 'partner-campaigns', { params: { tab: 'marketplace' } }],
    ['orders.png', 'orders', { markup: 'cards' }],
  ] as const) {
    const annotated = await open(env, simUrl(shop, route, opts));
    await annotated.locator('[data-collab-lens]:not([data-collab-lens="highlight"])').first().waitFor();
    await annotated.waitForTimeout(300);
    await shot(annotated, name);
    await annotated.close();
  }

  const panel = await session.context.newPage();
  await panel.setViewportSize({ width: 420, height: 900 });
  await panel.goto(extensionUrl(session, `sidepanel.html?tabId=${tabId}`));
  await panel.locator('li[data-apply-id]').first().waitFor();
  await panel.keyboard.press('j');
  await shot(panel, 'side-panel.png');
  await panel.getByRole('tab', { name: 'Auto-approval dry run' }).click();
  await panel.getByRole('button', { name: 'Run the dry run' }).click();
  await panel.getByTestId('dry-result').waitFor();
  await shot(panel, 'side-panel-dry-run.png');

  const popup = await session.context.newPage();
  await popup.setViewportSize({ width: 484, height: 600 });
  await popup.goto(extensionUrl(session, `popup.html?tabId=${tabId}`));
  await popup.getByTestId('benchmark-figure').first().waitFor();
  await shot(popup, 'popup.png');
  for (const tab of ['Outreach', 'Findings']) {
    await popup.getByRole('tab', { name: tab }).click();
    await popup.waitForTimeout(500);
    await shot(popup, `popup-${tab.toLowerCase()}.png`);
  }

  const options = await session.context.newPage();
  await options.goto(extensionUrl(session, 'options.html'));
  await options.getByTestId('diagnostics').waitFor();
  await options.getByTestId('shape-watch').waitFor();
  await options.locator('#diag').evaluate((h) => h.scrollIntoView({ block: 'start' }));
  await shot(options, 'options-diagnostics.png');
  await options.getByTestId('shape-watch').evaluate((w) => w.scrollIntoView({ block: 'start' }));
  await shot(options, 'options-shape-watch.png');
  await options.getByTestId('costs').scrollIntoViewIfNeeded();
  await shot(options, 'options-costs.png');

  // The creators view, all that was captured, largest GMV first; then the page of the creator at its top.
  const creators = await session.context.newPage();
  await creators.goto(extensionUrl(session, `creators.html?${new URLSearchParams({ shop: `${shop.region}:${shop.sellerId}`, period: 'all' })}`));
  await creators.locator('[role="row"][data-handle]').first().waitFor();
  await creators.locator('[data-figure="cashRoi"] .term-name').hover();
  await shot(creators, 'creators-view.png');
  await creators.getByTestId('creator-link').first().click();
  await creators.getByTestId('history').waitFor();
  await creators.waitForTimeout(300);
  await creators.screenshot({ path: resolve(out, 'creator-page.png'), fullPage: true });
  files.push(resolve(out, 'creator-page.png'));

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
