import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { campaignRegistrationClosing } from '../../lib/rules/campaign-registration-closing';
import { commissionBelowBenchmark } from '../../lib/rules/commission-below-benchmark';
import { duplicateSample as duplicateSampleRule } from '../../lib/rules/duplicate-sample';
import { invitationExpiringUnaccepted } from '../../lib/rules/invitation-expiring-unaccepted';
import { orderSkuKey } from '../../lib/adapters/orders';
import { orderCommissionSanity } from '../../lib/rules/order-commission-sanity';
import { registrationBelowRequirement } from '../../lib/rules/registration-below-requirement';
import { registrationRejected } from '../../lib/rules/registration-rejected';
import { sampleReviewDeadline } from '../../lib/rules/sample-review-deadline';
import { targetCommissionBelowBenchmark } from '../../lib/rules/target-commission-below-benchmark';
import { topCreatorsNotThanked } from '../../lib/rules/top-creators-not-thanked';
import { simUrl } from '../sim/install';
import { listingOf } from '../sim/surfaces/find-creators';
import { openDataOf } from '../sim/surfaces/open-collaboration';
import { commissionOddities } from '../sim/surfaces/orders';
import { REG, shopCampaigns, UNDER_REQUIREMENT_BPS } from '../sim/surfaces/partner-campaigns';
import { EXPIRING_UNACCEPTED, invitationsOf } from '../sim/surfaces/target-invitations';
import { duplicateSample, shopByKey, tabRequests } from '../sim/world';
import { domSettled, readDb, waitFor } from './browser';
import { afterRender, clickTab, navigate, nextPage, open, openExtensionPage, startEnv, type Env } from './pages';

/**
 * Every annotated surface in each of its markups: the expected annotation on the right item, at most one per item,
 * a keyboard-focusable button with an accessible name, provenance in its popover; a dismissed finding that stays
 * dismissed across a reload and a re-check of every rule; and the page's own elements keeping their boxes.
 */

let env: Env;
beforeAll(async () => {
  env = await startEnv();
});
afterAll(() => env?.session.close());

const us = () => shopByKey(env.world, 'us');
/** Every Collab Lens host except the side panel's highlight. */
const HOSTS = '[data-collab-lens]:not([data-collab-lens="highlight"])';

/** The host of `kind` whose findings include one whose id starts with `prefix`. */
const hostWith = (page: Page, kind: string, prefix: string) => page.locator(`[data-collab-lens="${kind}"][data-findings*="${prefix}"]`);

/** Hosts per page item, for the "at most one per item" checks. */
const hostsPerItem = (page: Page, items: string) => page.$$eval(items, (els, hosts) => els.map((el) => el.querySelectorAll(hosts).length), HOSTS);

async function expectAtMostOnePerItem(page: Page, items: string): Promise<void> {
  const counts = await hostsPerItem(page, items);
  expect(counts.length).toBeGreaterThan(0);
  expect(counts.every((n) => n <= 1), `hosts per item: ${counts.join(',')}`).toBe(true);
}

/**
 * The annotation's own button: reachable by keyboard (focus opens its popover), named for screen readers; its
 * popover says where each figure came from. Returns the accessible name and the popover's text.
 */
async function inspect(host: Locator, source: string | RegExp): Promise<{ label: string; text: string }> {
  const button = host.locator('.annotation > [role="button"]').first();
  const label = (await button.getAttribute('aria-label')) ?? '';
  expect(label).toMatch(/^Collab Lens, /);
  expect(await button.evaluate((b) => (b as HTMLElement).tabIndex)).toBeGreaterThanOrEqual(0);
  await button.focus();
  const pop = host.locator('[role="dialog"]').first();
  await expect.poll(() => pop.evaluate((el) => el.matches(':popover-open'))).toBe(true);
  const text = (await pop.textContent()) ?? '';
  expect(text).toMatch(new RegExp(`Source: (${typeof source === 'string' ? source : source.source}), seen`));
  await button.press('Escape');
  await expect.poll(() => pop.evaluate((el) => el.matches(':popover-open'))).toBe(false);
  // Escape gives focus back to the button; leave it, so the next look starts from nothing.
  await button.evaluate((b) => (b as HTMLElement).blur());
  return { label, text };
}

describe('Affiliate orders: commission sanity', () => {
  it.each([
    ['table', 'table tbody tr'],
    ['cards', 'article'],
  ] as const)('%s markup: the zero commission and the far-apart estimate, on their order, one per item', async (markup, items) => {
    const { zero, gap } = commissionOddities(env.world, us());
    expect(zero && gap).toBeTruthy();
    const page = await open(env, simUrl(us(), 'orders', { markup }));
    // The real Affiliate orders answer sends no SKU id: a line is named by its position in the order.
    for (const odd of [
      { ...zero!, variant: 'zero-line' },
      { ...gap!, variant: 'gap-line' },
    ]) {
      const host = hostWith(page, 'order-findings', `${orderCommissionSanity.id}|${orderSkuKey({ orderId: odd.orderId, line: odd.line })}|${odd.variant}`);
      await waitFor(async () => (await host.count()) > 0, `the ${odd.variant} annotation`);
      // Each annotation stands in an item of that order.
      const rows = await host.evaluateAll((els, sel) => els.map((el) => el.closest(sel)?.textContent ?? ''), items);
      expect(rows.every((t) => t.includes(odd.orderId))).toBe(true);
      const { label, text } = await inspect(host.first(), 'Affiliate orders');
      expect(label).toContain(orderCommissionSanity.title.en);
      expect(text).toContain(odd.orderId);
      // The cards' order title sits beside its date with room between: the alert count reads in full there.
      if (markup === 'cards') expect(await host.first().locator('[data-part]').first().innerText()).toMatch(/^\d+ alerts?$/);
    }
    await expectAtMostOnePerItem(page, items);
    await page.close();
  });
});

describe('Partner campaigns: deadlines, requirement versus your rate, registration state', () => {
  it.each(['table', 'cards'] as const)('%s markup: marketplace campaigns closing with nothing registered', async (markup) => {
    const closing = shopCampaigns(env.world, us()).campaigns.filter((c) => c.inMarketplace && c.registrations.length === 0 && c.registrationEnd - Date.now() < 48 * 3_600_000);
    expect(closing.length).toBeGreaterThan(0);
    const page = await open(env, simUrl(us(), 'partner-campaigns', { markup, params: { tab: 'marketplace' } }));
    for (const c of closing) {
      const host = page.locator(`[data-campaign-id="${c.campaignId}"]`).locator(`[data-collab-lens="campaign-findings"]`);
      await waitFor(async () => ((await host.getAttribute('data-findings').catch(() => '')) ?? '').includes(`${campaignRegistrationClosing.id}|${c.campaignId}`), `the annotation of ${c.name}`);
      const { label } = await inspect(host, 'Partner campaigns');
      expect(label).toContain(c.name);
      expect(label).toContain(campaignRegistrationClosing.title.en);
    }
    await expectAtMostOnePerItem(page, '[data-campaign-id]');
    await page.close();
  });

  it.each(['table', 'cards'] as const)('%s markup: registered products under the requirement and rejected', async (markup) => {
    const c = shopCampaigns(env.world, us()).campaigns.find((x) => x.registrations.some((r) => r.totalBps === x.commissionBps - UNDER_REQUIREMENT_BPS));
    const under = c?.registrations.find((r) => r.totalBps === c.commissionBps - UNDER_REQUIREMENT_BPS);
    const rejected = c?.registrations.find((r) => r.state === REG.REJECTED);
    expect(c && under && rejected).toBeTruthy();
    const page = await open(env, simUrl(us(), 'partner-campaigns', { markup, params: { campaign_id: c!.campaignId, view: 'products' } }));
    for (const [r, rule] of [
      [under!, registrationBelowRequirement],
      [rejected!, registrationRejected],
    ] as const) {
      const host = page.locator(`[data-product-id="${r.productId}"]`).locator('[data-collab-lens="campaign-findings"]');
      await waitFor(async () => ((await host.getAttribute('data-findings').catch(() => '')) ?? '').includes(`${rule.id}|${c!.campaignId}|${r.productId}`), `${rule.id} on ${r.productId}`);
      const { label } = await inspect(host, 'Partner campaigns');
      expect(label).toContain(rule.title.en);
    }
    await expectAtMostOnePerItem(page, '[data-product-id]');
    await page.close();
  });
});

describe('Target collaboration: acceptance', () => {
  it.each([
    ['table', 'table tbody tr'],
    ['cards', '.x-invite'],
  ] as const)('%s markup: invitations ending with no creator accepted, on their own row', async (markup, items) => {
    const expiring = invitationsOf(env.world, us())
      .filter((i) => i.status === 2 && i.creators.every((c) => c.added === 0))
      .slice(0, EXPIRING_UNACCEPTED);
    const page = await open(env, simUrl(us(), 'target-invitations', { markup, tab: 2 }));
    for (const inv of expiring) {
      const host = hostWith(page, 'invitation-findings', `${invitationExpiringUnaccepted.id}|${inv.id}`);
      await waitFor(async () => (await host.count()) === 1, `the annotation of ${inv.name}`);
      expect(await host.evaluate((el, sel) => el.closest(sel)?.textContent ?? '', items)).toContain(inv.id);
      const { label } = await inspect(host, 'Target collaboration');
      expect(label).toContain(invitationExpiringUnaccepted.title.en);
    }
    await expectAtMostOnePerItem(page, items);
    await page.close();
  });
});

describe('Sample requests: the badge and the request’s findings in one annotation', () => {
  it.each([
    ['table', 'table tbody tr'],
    ['cards', 'article'],
  ] as const)('%s markup: the review deadline and the duplicate sample on their rows', async (markup, items) => {
    const dup = duplicateSample(us());
    expect(dup).toBeDefined();
    // The earlier sample is on the Completed tab: seeing it is what tells Collab Lens the creator already has the product.
    const page = await open(env, simUrl(us(), 'sample-request', { markup, tab: 50 }));
    await afterRender(page, () => page.getByRole('tab', { name: 'To review' }).click());
    const first = tabRequests(us(), 10)[0]!;
    for (const [applyId, rule] of [
      [first.applyId, sampleReviewDeadline],
      [dup!.pending.applyId, duplicateSampleRule],
    ] as const) {
      const host = hostWith(page, 'sample-badge', `${rule.id}|${applyId}`);
      await waitFor(async () => (await host.count()) === 1, `${rule.id} on ${applyId}`);
      expect(await host.getAttribute('data-apply-ids')).toContain(applyId);
      const { label } = await inspect(host, 'Sample requests');
      expect(label).toContain(rule.title.en);
    }
    await expectAtMostOnePerItem(page, items);
    await page.close();
  });
});

describe('Open and target collaboration: commission against the benchmark', () => {
  /**
   * The subjects of `ruleId`'s findings in the extension's database, once there are some and they stay the same for a
   * second: every rate a page adds moves the benchmark, so a finding read while captures are still arriving may go.
   */
  const flagged = (ruleId: string, what: string) => {
    let last = '';
    return waitFor(
      async () => {
        const keys = ((await readDb(env.session)).findings ?? []).filter((f) => f.ruleId === ruleId).map((f) => f.subjectKey as string).sort();
        const stable = keys.length > 0 && keys.join() === last;
        last = keys.join();
        if (!stable) await new Promise((r) => setTimeout(r, 1000));
        return stable && keys;
      },
      what,
      30_000,
    );
  };

  /**
   * What a seller browses before a benchmark has enough rates: every Sample requests tab, the partner campaigns'
   * registrations, then every page of the open collaboration products (which also tell the products' categories).
   * Returns the products page, on its last page.
   */
  let ratesSeen = false;
  async function browseRates(markup: string): Promise<Page> {
    // Sample requests and registrations stay stored: the tests after the first only page through the products again.
    if (!ratesSeen) {
      const samples = await open(env, simUrl(us(), 'sample-request', { tab: 10 }));
      for (const tab of ['Ready to ship', 'Shipped', 'In progress', 'Completed', 'Cancelled']) await clickTab(samples, tab);
      await samples.close();
      for (const c of shopCampaigns(env.world, us()).campaigns.filter((x) => x.inMarketplace && x.registrations.length > 0)) {
        const registered = await open(env, simUrl(us(), 'partner-campaigns', { params: { campaign_id: c.campaignId, view: 'products' } }));
        await waitFor(async () => ((await readDb(env.session)).registrations ?? []).some((r) => r.campaignId === c.campaignId), 'the registrations');
        await registered.close();
      }
      ratesSeen = true;
    }
    const page = await open(env, simUrl(us(), 'open-collaboration', { markup }));
    for (let p = 1; p < Math.ceil(openDataOf(env.world, us()).plans.length / 20); p++) await nextPage(page);
    return page;
  }

  // After the sample requests: their rates are part of the benchmark too.
  it.each([
    ['table', 'table tbody tr'],
    ['cards', 'article.z-offer'],
  ] as const)('Open collaboration, %s markup: a product’s open commission under its category’s benchmark, on its row', async (markup, items) => {
    const plans = openDataOf(env.world, us()).plans;
    const pages = Math.ceil(plans.length / 20);
    const page = await browseRates(markup);
    const [key] = await flagged(commissionBelowBenchmark.id, 'an open commission under the benchmark');
    const productId = (key as string).split('|')[1] as string;
    for (let p = pages; p > Math.floor(plans.findIndex((x) => x.productId === productId) / 20) + 1; p--) {
      await afterRender(page, () => page.getByRole('button', { name: 'Previous page' }).click());
    }
    const host = hostWith(page, 'open-collab-findings', `${commissionBelowBenchmark.id}|${key}`);
    await waitFor(async () => (await host.count()) === 1, `the annotation of ${productId}`);
    expect(await host.evaluate((el, sel) => el.closest(sel)?.textContent ?? '', items)).toContain(productId);
    const { label, text } = await inspect(host, 'Open collaboration');
    expect(label).toContain(commissionBelowBenchmark.title.en);
    expect(text).toMatch(/under the 25th percentile \(\d+(\.\d+)?%\) of the \d+ rates/);
    await expectAtMostOnePerItem(page, items);
    await page.close();
  });

  it.each([
    ['table', 'table tbody tr'],
    ['cards', '.y-tile'],
  ] as const)('Target invitation details, %s markup: a target commission under its category’s benchmark, on its product', async (markup, items) => {
    await (await browseRates('table')).close();
    // Each detail seen adds its rates to the benchmark; an invitation already flagged is looked at first.
    const known = new Set(((await readDb(env.session)).findings ?? []).filter((f) => f.ruleId === targetCommissionBelowBenchmark.id).map((f) => String(f.subjectKey).split('|')[0]));
    const ongoing = invitationsOf(env.world, us())
      .filter((i) => i.status === 1)
      .sort((a, b) => Number(known.has(b.id)) - Number(known.has(a.id)));
    for (const inv of ongoing) {
      const page = await open(env, simUrl(us(), 'target-invitation-detail', { markup, params: { id: inv.id } }));
      const stored = await waitFor(async () => ((await readDb(env.session)).invitationProducts ?? []).some((p) => p.invitationId === inv.id), 'the invitation’s products');
      expect(stored).toBe(true);
      // The rules run on the stored products before the page hears back: give them that moment.
      const keys = await waitFor(
        async () => {
          const found = ((await readDb(env.session)).findings ?? []).filter((f) => f.ruleId === targetCommissionBelowBenchmark.id && String(f.subjectKey).startsWith(`${inv.id}|`));
          return found.length > 0 && found;
        },
        'a finding about this invitation',
        2_000,
      ).catch(() => []);
      if (keys.length === 0) {
        await page.close();
        continue;
      }
      const key = keys[0]?.subjectKey as string;
      const productId = key.split('|')[1] as string;
      const host = hostWith(page, 'invitation-findings', `${targetCommissionBelowBenchmark.id}|${key}`);
      await waitFor(async () => (await host.count()) === 1, `the annotation of ${productId}`);
      expect(await host.evaluate((el, sel) => el.closest(sel)?.textContent ?? '', items)).toContain(productId);
      const { label } = await inspect(host, 'Target collaboration');
      expect(label).toContain(targetCommissionBelowBenchmark.title.en);
      await expectAtMostOnePerItem(page, items);
      await page.close();
      return;
    }
    throw new Error('no ongoing invitation’s target commission fell under the benchmark');
  });
});

describe('Creators: the reliability card', () => {
  it.each([
    ['grid', 'article'],
    ['table', 'table tbody tr'],
  ] as const)('Find creators, %s markup: one card per creator, with where each figure was seen', async (markup, items) => {
    const page = await open(env, simUrl(us(), 'find-creators', { markup }));
    const shown = listingOf(env.world, us(), 'find').slice(0, 20);
    await waitFor(async () => (await page.locator('[data-collab-lens="creator-card"]').count()) === shown.length, 'a card for every creator');
    expect(await hostsPerItem(page, items)).toEqual(shown.map(() => 1));
    const m = shown.find((x) => x.authorised)!;
    const host = page.locator(`[data-collab-lens="creator-card"][data-handle="${m.creator.handle}"]`);
    // An unchanged figure keeps the page it was first seen on (within the seen-time resolution): this creator may have
    // been seen on the sample requests or a collaboration page before.
    const { label, text } = await inspect(host, /Find creators|Sample requests|Target collaboration|Open collaboration/);
    expect(label).toContain(`@${m.creator.handle}`);
    expect(text).toContain(`(90 days, from TikTok): ${m.creator.fulfillmentPercentage}`);
    await page.close();
  });

  it.each([
    ['table', 'table tbody tr'],
    ['list', 'li.rk-item'],
  ] as const)('Creator rankings, %s markup: one card per ranked creator', async (markup, items) => {
    const page = await open(env, simUrl(us(), 'creator-rankings', { markup }));
    await waitFor(async () => {
      const counts = await hostsPerItem(page, items);
      return counts.length > 0 && counts.every((n) => n === 1);
    }, 'a card on every ranked creator');
    await page.close();
  });

  it.each(['sections', 'rows'] as const)('Creator detail, %s markup: a top creator’s card with GMV and the “not thanked” finding', async (markup) => {
    // The orders tell who the best creators are.
    const orders = await open(env, simUrl(us(), 'orders', { params: { range: '30' } }));
    const top = await waitFor(async () => {
      const db = await readDb(env.session);
      const handles = new Set((db.findings ?? []).filter((f) => f.ruleId === topCreatorsNotThanked.id).map((f) => f.subjectKey as string));
      return us().creators.find((c) => handles.has(c.handle) && c.fulfillmentPercentage !== '');
    }, 'an authorised top creator');
    await orders.close();
    const page = await open(env, simUrl(us(), 'creator-detail', { markup, params: { cid: top.creatorId } }));
    const host = hostWith(page, 'creator-card', `${topCreatorsNotThanked.id}|${top.handle}`);
    await waitFor(async () => (await host.count()) === 1, 'the card on the detail page');
    expect(await page.locator(HOSTS).count()).toBe(1);
    const { label, text } = await inspect(host, 'Affiliate orders');
    expect(label).toContain(`@${top.handle}`);
    expect(label).toMatch(/GMV \$/);
    expect(label).toContain(topCreatorsNotThanked.title.en);
    expect(text).toMatch(/GMV driven for this shop: \$[\d,.]+ from \d+ SKU orders/);
    await page.close();
  });

  it.each([
    ['table', 'table tbody tr'],
    ['cards', 'article'],
  ] as const)('Creator applications, %s markup: one card per applying creator', async (markup, items) => {
    const page = await open(env, simUrl(us(), 'creator-applications', { markup }));
    await waitFor(async () => {
      const counts = await hostsPerItem(page, items);
      return counts.length > 0 && counts.every((n) => n === 1);
    }, 'a card on every application');
    await page.close();
  });
});

describe('dismissing', () => {
  it('a dismissed finding stays dismissed across a reload and a re-check of every rule', async () => {
    const { zero } = commissionOddities(env.world, us());
    const id = `${orderCommissionSanity.id}|${orderSkuKey({ orderId: zero!.orderId, line: zero!.line })}|zero-line`;
    const page = await open(env, simUrl(us(), 'orders', { markup: 'cards' }));
    const host = hostWith(page, 'order-findings', id);
    await waitFor(async () => (await host.count()) === 1, 'the zero-commission annotation');
    // By keyboard: Enter opens the popover and keeps it open, Tab reaches its Dismiss button.
    const chip = host.locator('.annotation > [role="button"]');
    await chip.focus();
    await chip.press('Enter');
    const dismiss = host.getByRole('button', { name: `Dismiss “${orderCommissionSanity.title.en}”` });
    for (let i = 0; i < 8 && !(await dismiss.evaluate((el) => (el.getRootNode() as ShadowRoot).activeElement === el)); i++) await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await waitFor(async () => (await host.count()) === 0, 'the annotation to go');
    const stored = await waitFor(async () => {
      const db = await readDb(env.session);
      const state = (db.findingStates ?? []).find((s) => s.id === id);
      return state?.dismissedAt ? db : undefined;
    }, 'the dismissal to be stored');
    const firstSeenAt = (stored.findings ?? []).find((f) => f.id === id)?.firstSeenAt;
    expect(firstSeenAt).toBeGreaterThan(0);

    await navigate(page, page.url());
    const { gap } = commissionOddities(env.world, us());
    const other = () => hostWith(page, 'order-findings', `${orderCommissionSanity.id}|${gap!.orderId}`);
    await waitFor(async () => (await other().count()) === 1, 'the other annotation after the reload');
    expect(await hostWith(page, 'order-findings', id).count()).toBe(0);
    // The seller saves the rules in the options page: every rule runs again, the finding still holds, and stays hidden.
    const options = await openExtensionPage(env, 'options.html');
    const rules = options.getByTestId('rules');
    await rules.locator('fieldset').first().waitFor();
    await rules.getByRole('button', { name: 'Save rules' }).click();
    await expect.poll(() => options.getByTestId('rules-status').textContent()).toMatch(/^Saved\. Every rule was checked again/);
    await options.close();
    expect(((await readDb(env.session)).findings ?? []).find((f) => f.id === id)?.firstSeenAt).toBe(firstSeenAt);
    await waitFor(async () => (await other().count()) === 1, 'the other annotation after the re-check');
    expect(await hostWith(page, 'order-findings', id).count()).toBe(0);
    await page.close();
  });
});

describe('layout', () => {
  /** The border box of every element of the page's own, in document order. */
  const boxes = (page: Page) =>
    page.evaluate(() =>
      [...document.querySelectorAll('body *')]
        .filter((el) => !el.closest('[data-collab-lens]'))
        .map((el) => {
          const r = el.getBoundingClientRect();
          return `${el.tagName} ${Math.round(r.x)},${Math.round(r.y)} ${Math.round(r.width)}x${Math.round(r.height)}`;
        }),
    );

  it.each([
    ['find-creators', 'table', 'creator-card'],
    ['orders', 'table', 'order-findings'],
    ['sample-request', 'cards', 'sample-badge'],
  ] as const)('%s (%s markup): the page’s own elements keep their boxes with the annotations in place', async (route, markup, kind) => {
    const page = await open(env, simUrl(us(), route, { markup }));
    await waitFor(async () => (await page.locator(`[data-collab-lens="${kind}"]`).count()) > 0, 'annotations');
    await domSettled(page);
    const withAnnotations = await boxes(page);
    const removed = await page.evaluate(() => {
      const hosts = [...document.querySelectorAll('[data-collab-lens]')];
      for (const h of hosts) h.remove();
      return hosts.length;
    });
    expect(removed).toBeGreaterThan(0);
    expect(await boxes(page)).toEqual(withAnnotations);
    await page.close();
  });

  /** What each creator card's chip shows: its first figure (after any alert count), whether any part is cut off, and its accessible name. */
  const chips = (page: Page) =>
    page.evaluate(() =>
      [...document.querySelectorAll('[data-collab-lens="creator-card"]')].map((host) => {
        const chip = host.shadowRoot?.querySelector('.chip');
        const parts = ([...(chip?.children ?? [])] as HTMLElement[]).filter((p) => !p.hidden);
        return {
          shown: parts.length,
          // What the seller reads: the full or the short form, whichever is shown; none where an alert count took the room.
          first: parts.find((p) => !p.classList.contains('alerts'))?.innerText ?? '',
          // Every figure shown sits on the chip's one line (none wrapped out of sight, widening it) and fits whole.
          cut: parts.some((p) => p.offsetTop !== parts[0]?.offsetTop || p.scrollWidth > p.clientWidth + 1),
          label: chip?.getAttribute('aria-label') ?? '',
        };
      }),
    );

  // The grid's cards leave little room beside a long handle: there the short form. A table cell may leave room for either.
  it.each([
    ['grid', true],
    ['table', false],
  ] as const)('Find creators, %s markup: no chip is cut off mid-word; where the room is narrow it says the same in short', async (markup, someShort) => {
    const page = await open(env, simUrl(us(), 'find-creators', { markup }));
    const count = listingOf(env.world, us(), 'find').slice(0, 20).length;
    const shown = await waitFor(async () => {
      const now = await chips(page);
      return now.length === count && now.every((c) => !c.cut) && now;
    }, 'every chip to fit');
    const short = /^(\d+\/\d+|New)$/;
    for (const c of shown) {
      expect(c.shown).toBeGreaterThan(0);
      if (c.first) expect(c.first).toMatch(/^(\d+\/\d+|New|\d+ sent · \d+ posted|No samples sent yet)$/);
      expect(c.label).toMatch(/: (\d+ sent · \d+ posted|No samples sent yet)/);
    }
    if (someShort) expect(shown.some((c) => short.test(c.first))).toBe(true);
    await page.close();
  });
});
