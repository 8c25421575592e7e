import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  agencyCampaign,
  API_BASE,
  API_QUERY,
  CAMPAIGN_SELLER,
  CAMPAIGN_TARGETED,
  detailResponse,
  NOW,
  PAGE_URL,
  registeredBody,
  registeredPage,
  registration,
  searchBody,
  searchPage,
} from '../../../test/fixtures/campaigns';
import { dump, freshDb, withoutSeenTimes } from '../../../test/db';
import type { Capture } from '../../capture/schema';
import type { AppDB } from '../../db/app-db';
import { ingestCaptures } from '../ingest';

const SHOP = 'US:7495000000000000001';
let n = 0;
function capture(path: string, json: unknown, body: unknown, seenAt = NOW): Capture {
  return {
    v: 1,
    id: `capture-${++n}`,
    url: `${API_BASE}/${path}${API_QUERY}`,
    method: 'POST',
    status: 200,
    requestBody: JSON.stringify(body),
    responseText: JSON.stringify(json),
    pageUrl: PAGE_URL,
    seenAt,
  };
}
const search = (json: unknown = searchPage(), seenAt = NOW, body: unknown = searchBody()) => capture('search', json, body, seenAt);
const detail = (json: unknown = detailResponse(), seenAt = NOW) => capture('detail/get', json, { campaign_id: CAMPAIGN_TARGETED }, seenAt);
const registered = (json: unknown = registeredPage(), seenAt = NOW) => capture('registered_products/get', json, registeredBody(), seenAt);

let db: AppDB;
beforeEach(() => {
  db = freshDb();
});
afterEach(() => db.close());

describe('campaigns sink', () => {
  it('stores each campaign under the shop with its terms and provenance, and the partner contact apart', async () => {
    await ingestCaptures(db, [search()]);
    expect(await db.campaigns.count()).toBe(3);
    const c = await db.campaigns.get(CAMPAIGN_TARGETED);
    expect(c).toMatchObject({
      shopKey: SHOP,
      kind: 'agency',
      scope: 'targeted',
      status: 'ONGOING',
      statusRaw: 'ONGOING',
      partnerName: 'Spark Creators Agency',
      commissionRequirementBps: 2000,
      registrationEndAt: NOW + 30 * 3_600_000,
      contactChannels: ['email', 'whatsapp'],
      source: { endpoint: 'campaign.search', page: PAGE_URL },
      firstSeenAt: NOW,
    });
    expect(JSON.stringify(c)).not.toContain('sparkcreators');
    expect(JSON.stringify(c)).not.toContain('555');
    const contacts = await db.contacts.where('[entity+key]').equals(['campaign', CAMPAIGN_TARGETED]).toArray();
    expect(contacts.map((x) => [x.channel, x.value])).toEqual([
      ['email', 'deals@sparkcreators.example'],
      ['whatsapp', '+1 415 555 0134'],
    ]);
    expect((await db.campaigns.get(CAMPAIGN_SELLER))?.contactChannels).toEqual([]);
  });

  it('merges the detail into what the list showed, without losing what only the list carries', async () => {
    await ingestCaptures(db, [search()]);
    await ingestCaptures(db, [detail(detailResponse({ description: 'Updated brief' }), NOW + 1000)]);
    const c = await db.campaigns.get(CAMPAIGN_TARGETED);
    expect(c).toMatchObject({ description: 'Updated brief', registeredProducts: 3, scope: 'targeted', source: { endpoint: 'campaign.detail' } });
  });

  it('is idempotent: the same pages again add no row and change nothing but the last-seen times', async () => {
    await ingestCaptures(db, [search(), detail(), registered()]);
    const before = await dump(db);
    await ingestCaptures(db, [search(searchPage(), NOW + 60_000), detail(detailResponse(), NOW + 60_000), registered(registeredPage(), NOW + 60_000)]);
    await ingestCaptures(db, [search(), detail(), registered()]);
    const after = await dump(db);
    for (const name of Object.keys(before)) expect(after[name]?.length, name).toBe(before[name]?.length);
    expect(withoutSeenTimes(after)).toEqual(withoutSeenTimes(before));
    expect((await db.campaigns.get(CAMPAIGN_TARGETED))?.lastSeenAt).toBe(NOW + 60_000);
  });

  it('snapshots the terms only when they change, and logs each status change once', async () => {
    await ingestCaptures(db, [search()]);
    await ingestCaptures(db, [search(searchPage(), NOW + 1000)]);
    const extended = { data: { campaign: [agencyCampaign({ registration_end_time: String(NOW + 72 * 3_600_000), commission_rate: 1800 })] } };
    await ingestCaptures(db, [search(extended, NOW + 2000)]);
    const closed = { data: { campaign: [agencyCampaign({ registration_end_time: String(NOW + 72 * 3_600_000), commission_rate: 1800, status: 'CLOSED' })] } };
    await ingestCaptures(db, [search(closed, NOW + 3000)]);
    const snaps = await db.snapshots.where('[entity+key+seenAt]').between(['campaign', CAMPAIGN_TARGETED, 0], ['campaign', CAMPAIGN_TARGETED, Infinity]).toArray();
    expect(snaps.map((s) => [s.seenAt, s.values.commissionRequirementBps, s.values.registrationEndAt])).toEqual([
      [NOW, 2000, NOW + 30 * 3_600_000],
      [NOW + 2000, 1800, NOW + 72 * 3_600_000],
    ]);
    const log = await db.transitions.where('[entity+key]').equals(['campaign', CAMPAIGN_TARGETED]).sortBy('seenAt');
    expect(log.map((t) => [t.from, t.to, t.raw, t.seenAt])).toEqual([
      [undefined, 'ONGOING', 'ONGOING', NOW],
      ['ONGOING', 'CLOSED', 'CLOSED', NOW + 3000],
    ]);
  });

  it('never lets an older capture overwrite newer terms or status', async () => {
    const closed = { data: { campaign: [agencyCampaign({ status: 'CLOSED', commission_rate: 2500 })] } };
    await ingestCaptures(db, [search(closed, NOW + 5000)]);
    await ingestCaptures(db, [search(searchPage(), NOW)]);
    expect(await db.campaigns.get(CAMPAIGN_TARGETED)).toMatchObject({ status: 'CLOSED', commissionRequirementBps: 2500, firstSeenAt: NOW, lastSeenAt: NOW + 5000 });
    expect(await db.transitions.where('[entity+key]').equals(['campaign', CAMPAIGN_TARGETED]).count()).toBe(1);
  });
});

describe('registrations sink', () => {
  it('stores each registration by campaign and product, in every state, with contacts kept apart', async () => {
    await ingestCaptures(db, [registered()]);
    const regs = await db.registrations.where('campaignId').equals(CAMPAIGN_TARGETED).toArray();
    expect(regs.map((r) => r.state).sort()).toEqual(['APPROVED', 'CANCELLED', 'CANCEL_REQUESTED', 'LIVE', 'PENDING', 'REJECTED', 'REJECTED_BLOCKED', 'REJECTED_BLOCKED']);
    const first = await db.registrations.get(`${CAMPAIGN_TARGETED}|1729500000000000101`);
    expect(first).toMatchObject({ shopKey: SHOP, totalCommissionBps: 2200, sampleQuantity: 20, contactChannels: ['email', 'whatsapp'] });
    expect(JSON.stringify(regs)).not.toContain('brightwell.example');
    const contacts = await db.contacts.where('[entity+key]').equals(['registration', `${CAMPAIGN_TARGETED}|1729500000000000101`]).toArray();
    expect(contacts.map((c) => c.value).sort()).toEqual(['+1 212 555 0188', 'partners@brightwell.example']);
    expect((await db.registrations.get(`${CAMPAIGN_TARGETED}|1729500000000000104`))?.rejectReason).toBe('Please raise the total commission to at least 20%.');
    expect(await db.products.get('1729500000000000101')).toMatchObject({ title: 'Rose Hydrating Serum 30ml', shopKey: SHOP });
  });

  it('logs the whole life of a registration: pending, rejected, re-registered, approved, live, cancellation requested, cancelled', async () => {
    const key = `${CAMPAIGN_TARGETED}|1729500000000000001`;
    const steps: [Record<string, unknown>, number][] = [
      [{ status: 'PENDING' }, 0],
      [{ status: 'REJECTED', reject_reasons: ['COMMISSION_TOO_LOW'], reject_reason_text: 'Too low' }, 1],
      [{ status: 'REJECTED', reject_reasons: ['COMMISSION_TOO_LOW'], reject_reason_text: 'Too low' }, 2],
      [{ status: 'PENDING', total_commission_rate: 2500 }, 3],
      [{ status: 'APPROVED', total_commission_rate: 2500 }, 4],
      [{ status: 'LIVE', total_commission_rate: 2500 }, 5],
      [{ status: 'PENDING_CLOSED', total_commission_rate: 2500 }, 6],
      [{ status: 'CLOSED', total_commission_rate: 2500 }, 7],
    ];
    for (const [fields, day] of steps) {
      await ingestCaptures(db, [registered({ data: { product_list: [registration(fields)] } }, NOW + day * 86_400_000)]);
    }
    const log = await db.transitions.where('[entity+key]').equals(['registration', key]).sortBy('seenAt');
    expect(log.map((t) => [t.from, t.to])).toEqual([
      [undefined, 'PENDING'],
      ['PENDING', 'REJECTED'],
      ['REJECTED', 'PENDING'],
      ['PENDING', 'APPROVED'],
      ['APPROVED', 'LIVE'],
      ['LIVE', 'CANCEL_REQUESTED'],
      ['CANCEL_REQUESTED', 'CANCELLED'],
    ]);
    const r = await db.registrations.get(key);
    expect(r).toMatchObject({ state: 'CANCELLED', totalCommissionBps: 2500 });
    expect(r?.rejectReason).toBeUndefined();
    const snaps = await db.snapshots.where('[entity+key+seenAt]').between(['registration', key, 0], ['registration', key, Infinity]).toArray();
    expect(snaps.map((s) => s.values.totalCommissionBps)).toEqual([2200, 2500]);
  });

  it('keeps a known state when a later sighting sends one it cannot read, and an older capture never wins', async () => {
    const key = `${CAMPAIGN_TARGETED}|1729500000000000001`;
    await ingestCaptures(db, [registered({ data: { product_list: [registration({ status: 'LIVE' })] } }, NOW + 1000)]);
    await ingestCaptures(db, [registered({ data: { product_list: [registration({ status: 'PENDING' })] } }, NOW)]);
    await ingestCaptures(db, [registered({ data: { product_list: [registration({ status: 'NEW_STATE' })] } }, NOW + 2000)]);
    await ingestCaptures(db, [registered({ data: { product_list: [registration({ status: 3 })] } }, NOW + 3000)]);
    expect(await db.registrations.get(key)).toMatchObject({ state: 'LIVE', stateRaw: 'LIVE' });
    expect(await db.transitions.where('[entity+key]').equals(['registration', key]).count()).toBe(1);
  });

  it('counts broken registrations per endpoint with their paths and stores none of them', async () => {
    const page = registeredPage();
    page.data.product_list[0] = registration({ product_id: '1729500000000000101', sample_quantity: 'lots' });
    await ingestCaptures(db, [registered(page)]);
    expect(await db.registrations.get(`${CAMPAIGN_TARGETED}|1729500000000000101`)).toBeUndefined();
    expect(await db.registrations.count()).toBe(7);
    expect(await db.endpointStats.get('campaign.registered')).toMatchObject({ accepted: 7, rejected: 1, failures: { 'data.product_list[].sample_quantity: invalid_union': 1 } });
  });

  it('stores a registered product’s category, and its first showing or a move as a transition of the product', async () => {
    const pid = '1729500000000000001';
    const page = (category: unknown) => ({ data: { product_list: [registration({ product_id: pid, status: 'PENDING', category })] } });
    await ingestCaptures(db, [registered(page({ id: '601152', name: 'Beauty & Personal Care' }), NOW)]);
    await ingestCaptures(db, [registered(page(null), NOW + 1000)]);
    await ingestCaptures(db, [registered(page({ id: 700645, name: 'Health' }), NOW + 2000)]);
    expect(await db.products.get(pid)).toMatchObject({ categoryId: '700645', categoryName: 'Health' });
    const moves = await db.transitions.where('[entity+key]').equals(['product', pid]).sortBy('seenAt');
    expect(moves.map((t) => [t.from, t.to, t.raw, t.seenAt])).toEqual([
      [undefined, '601152', 'Beauty & Personal Care', NOW],
      ['601152', '700645', 'Health', NOW + 2000],
    ]);
  });
});
