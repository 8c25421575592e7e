import { beforeAll, describe, expect, it } from 'vitest';
import { orderSkuKey } from '../../lib/adapters/orders';
import type { Capture } from '../../lib/capture/schema';
import type { AppDB } from '../../lib/db/app-db';
import { ingestCaptures } from '../../lib/ingest/ingest';
import { evaluateAll } from '../../lib/rules/engine';
import { RULES } from '../../lib/rules/index';
import type { Finding } from '../../lib/rules/types';
import { freshDb } from '../db';
import { handleApi } from './api';
import { simUrl } from './install';
import type { SimRoute } from './pages';
import { openDataOf, PLANS_PATH } from './surfaces/open-collaboration';
import { DETAIL_PATH as INVITATION_DETAIL_PATH, EXPIRING_UNACCEPTED, invitationsOf, SEARCH_PATH as INVITATIONS_PATH } from './surfaces/target-invitations';
import { commissionOddities, ORDERS_PATH } from './surfaces/orders';
import { CAMPAIGN_REGISTERED_PATH, CAMPAIGN_SEARCH_PATH, REG, shopCampaigns, UNDER_REQUIREMENT_BPS } from './surfaces/partner-campaigns';
import { duplicateSample, generateWorld, shopByKey, tabRequests, type SimShop } from './world';

/**
 * The simulated Affiliate Center is seeded so that every annotated surface has findings to show: the pages' own API
 * answers go through the real adapters, ingest and rules, and the findings the e2e tests look for come out.
 */

const NOW = Date.UTC(2025, 10, 20, 9, 30);
const HOUR = 3_600_000;
const world = generateWorld({ seed: 7, now: NOW });
const us = shopByKey(world, 'us');
let seq = 0;

/** What the page hook would capture for one API call of a page. */
function capture(shop: SimShop, route: SimRoute, path: string, body: unknown, pageParams: Record<string, string> = {}): Capture {
  const url = `https://${shop.host}${path}?aid=4331&shop_region=${shop.region}&oec_seller_id=${shop.sellerId}`;
  const requestBody = JSON.stringify(body);
  const res = handleApi(world, { url: new URL(url), method: 'POST', body: requestBody, now: NOW });
  if (!res) throw new Error(`no API at ${path}`);
  seq += 1;
  return {
    v: 1,
    id: `seed-${String(seq).padStart(6, '0')}`,
    url,
    method: 'POST',
    status: res.status,
    requestBody,
    responseText: JSON.stringify(res.json),
    pageUrl: simUrl(shop, route, { params: pageParams }),
    seenAt: NOW,
  };
}

let db: AppDB;
let findings: Finding[];
const of = (ruleId: string) => findings.filter((f) => f.ruleId === ruleId);

beforeAll(async () => {
  db = freshDb();
  const campaigns = shopCampaigns(world, us).campaigns;
  const joined = campaigns.filter((c) => c.registrations.length > 0 && c.inMarketplace).slice(0, 4);
  const captures = [
    capture(us, 'sample-request', '/api/v1/affiliate/sample/group/list', { tab: 10, cur_page: 1, page_size: 50, search_params: [], order_params: [] }),
    capture(us, 'sample-request', '/api/v1/affiliate/sample/group/list', { tab: 50, cur_page: 1, page_size: 50, search_params: [], order_params: [] }),
    capture(us, 'orders', ORDERS_PATH, { conditions: { time_period: { beginning_time: String(NOW - 30 * 24 * HOUR), ending_time: String(NOW) } }, page: 1, page_size: 50 }),
    capture(us, 'partner-campaigns', CAMPAIGN_SEARCH_PATH, { campaign_source: 1, query_type: 1, campaign_scope: 0, cur_page: 1, page_size: 10 }),
    ...joined.map((c) =>
      capture(us, 'partner-campaigns', CAMPAIGN_REGISTERED_PATH, { campaign_id: c.campaignId, status_tab: 0, cur_page: 1, page_size: 20 }, { campaign_id: c.campaignId, view: 'products' }),
    ),
    capture(us, 'target-invitations', INVITATIONS_PATH, { invitation_group_status: 2, cur_page: 1, page_size: 20, search_params: {} }),
    ...[1, 2, 3].map((page) => capture(us, 'open-collaboration', PLANS_PATH, { cur_page: page, page_size: 20, search_params: {} })),
    ...invitationsOf(world, us)
      .filter((i) => i.status === 1)
      .slice(0, 4)
      .map((i) => capture(us, 'target-invitation-detail', INVITATION_DETAIL_PATH, { invitation_group_id: i.id }, { id: i.id })),
  ];
  await ingestCaptures(db, captures);
  await evaluateAll(db, RULES, { rules: {} }, NOW);
  findings = await db.findings.toArray();
});

describe('seeded findings for every annotated surface', () => {

  it('sample requests: reviews due within 24 hours, and the seeded duplicate sample', () => {
    const soon = tabRequests(us, 10).filter((r) => r.deadline !== null && r.deadline - NOW < 24 * HOUR);
    expect(soon.length).toBeGreaterThan(0);
    for (const r of soon.slice(0, 5)) expect(of('sample-review-deadline').map((f) => f.subjectKey), r.applyId).toContain(r.applyId);
    const dup = duplicateSample(us);
    expect(dup).toBeDefined();
    expect(of('duplicate-sample').map((f) => f.subjectKey)).toContain(dup?.pending.applyId);
  });

  it('orders: the zero commission and the estimate far from the actual', () => {
    const { zero, gap } = commissionOddities(world, us);
    expect(of('order-commission-sanity').map((f) => f.id)).toEqual(
      expect.arrayContaining([`order-commission-sanity|${orderSkuKey({ orderId: zero!.orderId, line: zero!.line })}|zero-line`, `order-commission-sanity|${orderSkuKey({ orderId: gap!.orderId, line: gap!.line })}|gap-line`]),
    );
  });

  it('creators: the best creators of the orders seen, not thanked', () => {
    expect(of('top-creators-not-thanked').length).toBeGreaterThan(0);
  });

  it('partner campaigns: registration closing with nothing registered, under the requirement, rejected, a large sample quantity', () => {
    const campaigns = shopCampaigns(world, us).campaigns;
    const closing = campaigns.filter((c) => c.inMarketplace && c.registrations.length === 0 && c.registrationEnd - NOW < 48 * HOUR);
    expect(closing.length).toBeGreaterThan(0);
    for (const c of closing) expect(of('campaign-registration-closing').map((f) => f.subjectKey)).toContain(c.campaignId);
    const regs = campaigns.flatMap((c) => c.registrations.map((r) => ({ c, r })));
    const under = regs.find(({ c, r }) => r.totalBps === c.commissionBps - UNDER_REQUIREMENT_BPS);
    expect(of('registration-below-requirement').map((f) => f.subjectKey)).toContain(`${under?.c.campaignId}|${under?.r.productId}`);
    const rejected = regs.filter(({ r }) => r.state === REG.REJECTED).map(({ c, r }) => `${c.campaignId}|${r.productId}`);
    expect(of('registration-rejected').map((f) => f.subjectKey)).toEqual(expect.arrayContaining([rejected[0]]));
    expect(of('campaign-sample-quantity').length).toBeGreaterThan(0);
  });

  it('open and target collaboration: commissions under the benchmark of their category, once enough rates are seen', () => {
    const plans = new Set(openDataOf(world, us).plans.map((p) => `${us.region}:${us.sellerId}|${p.productId}`));
    expect(of('commission-below-benchmark').length).toBeGreaterThan(0);
    expect(of('commission-below-benchmark').every((f) => plans.has(f.subjectKey))).toBe(true);
    const invited = new Set(invitationsOf(world, us).flatMap((i) => i.products.map((p) => `${i.id}|${p.productId}`)));
    expect(of('target-commission-below-benchmark').length).toBeGreaterThan(0);
    expect(of('target-commission-below-benchmark').every((f) => invited.has(f.subjectKey))).toBe(true);
  });

  it('target collaboration: invitations about to end with no creator accepted', () => {
    const expiring = invitationsOf(world, us).filter((i) => i.status === 2 && i.creators.every((c) => c.added === 0) && i.endTime - NOW < 48 * HOUR);
    expect(expiring).toHaveLength(EXPIRING_UNACCEPTED);
    const flagged = of('invitation-expiring-unaccepted').map((f) => f.subjectKey);
    expect(flagged).toEqual(expect.arrayContaining(expiring.map((i) => i.id)));
    const unaccepted = new Set(invitationsOf(world, us).filter((i) => i.creators.every((c) => c.added === 0)).map((i) => i.id));
    expect(flagged.every((id) => unaccepted.has(id))).toBe(true);
  });
});
