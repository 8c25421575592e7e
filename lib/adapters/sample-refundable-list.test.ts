import fc from 'fast-check';
import { anyJson } from '../../test/arbitraries';
import { describe, expect, it } from 'vitest';
import { expectNoSilentDrop, expectReadsCover, outcome } from '../../test/adapter-harness';
import { creatorMaya, element } from '../../test/fixtures/sample-group-list';
import { legacyRefundablePage, NOW, refundableApply, refundablePage } from '../../test/fixtures/sample-refundable-list';
import { money } from '../domain/money';
import { sampleRefundableList } from './sample-refundable-list';

const DAY = 86_400_000;
const BODY = { tab: 40, cur_page: 1, page_size: 50 };
const parse = (json: unknown, body: unknown = BODY) => sampleRefundableList.parse(json, body, { region: 'US' });
const single = (info: Record<string, unknown>) => ({ code: 0, agg_info: [element('7300000000000000011', creatorMaya, info)] });

describe('sample.refundable.list adapter', () => {
  it.each([
    ['the group list’s real element form, at the top level', refundablePage, 'agg_info'],
    ['domain.md’s element forms, under data', legacyRefundablePage, 'data.agg_info'],
  ] as const)('reads %s, marks every record as a refundable sample, declares what it reads, drops nothing', (_name, page, listPath) => {
    const r = outcome(sampleRefundableList, page(), BODY);
    expect(r.rejections).toEqual([]);
    expect(r.accepted).toBe(5);
    const requests = r.records.sampleRequests ?? [];
    expect(requests.map((s) => [s.applyId, s.creatorHandle, s.sampleType])).toEqual([
      ['1729000000000000201', 'glowwithmaya', 'REFUNDABLE_SAMPLE'],
      ['1729000000000000202', 'glowwithmaya', 'REFUNDABLE_SAMPLE'],
      ['1729000000000000203', 'lee.reviews', 'REFUNDABLE_SAMPLE'],
      ['1729000000000000204', 'dapurbunda.id', 'REFUNDABLE_SAMPLE'],
      ['1729000000000000205', 'dapurbunda.id', 'REFUNDABLE_SAMPLE'],
    ]);
    expect(requests[0]).toMatchObject({ groupId: '7300000000000000011', status: 'CONTENT_PENDING', expiresInMs: 12 * DAY });
    // One creator fact per element (ingest keeps one per handle).
    expect((r.records.creators ?? []).map((c) => c.handle)).toEqual(['glowwithmaya', 'lee.reviews', 'dapurbunda.id', 'dapurbunda.id']);
    expectReadsCover(sampleRefundableList, page(), BODY);
    expectNoSilentDrop(sampleRefundableList, page(), listPath, BODY);
    expect(sampleRefundableList.variantOf?.(BODY)).toBe('tab:40');
  });

  it('keeps the refundable units: goal and sales as integers from numbers or strings, the window end in ms, the deposit in minor units', () => {
    const byId = new Map((parse(refundablePage()).records.sampleRequests ?? []).map((s) => [s.applyId, s.refundable]));
    expect(byId.get('1729000000000000201')).toEqual({ goalUnits: 20, soldUnits: 7, windowEndAt: NOW + 12 * DAY, deposit: { minor: 2499, currency: 'USD' } });
    expect(byId.get('1729000000000000202')).toEqual({ goalUnits: 10, soldUnits: 0, windowEndAt: NOW + 20 * DAY, deposit: { minor: 1250, currency: 'USD' } });
    // Rupiah in its minor unit as the runtime's Intl knows it (lib/domain/money.ts).
    expect(byId.get('1729000000000000205')?.deposit).toEqual(money('189000', 'IDR'));
  });

  it('treats missing refundable parts as unknown, not as zero', () => {
    const byId = new Map((parse(refundablePage()).records.sampleRequests ?? []).map((s) => [s.applyId, s.refundable]));
    // end_time "0" and a null deposit: no window, no deposit known.
    expect(byId.get('1729000000000000203')).toEqual({ goalUnits: 5, soldUnits: 5, windowEndAt: undefined, deposit: undefined });
    expect(byId.get('1729000000000000204')).toBeUndefined();
  });

  it('rejects a record whose refundable part changed shape, with the path that broke, and keeps the rest', () => {
    const page = refundablePage();
    const detail = page.agg_info[0]!.apply_deatil as { apply_info: unknown; apply_infos: unknown[] };
    detail.apply_info = refundableApply({ refundable_info: { sales_target: 'twenty', sales_count: 7 } });
    detail.apply_infos[1] = refundableApply({ apply_id: '1729000000000000202', refundable_info: { sales_target: 10, deposit: { value: '12.50', symbol: '$' } } });
    const r = parse(page);
    expect(r.accepted).toBe(3);
    expect(r.rejections).toEqual([
      { path: 'agg_info[].apply_deatil.apply_info.refundable_info.sales_target', code: 'invalid_union' },
      { path: 'agg_info[].apply_deatil.apply_infos[].refundable_info.deposit.currency', code: 'custom' },
    ]);
    expect((r.records.sampleRequests ?? []).map((s) => s.applyId)).not.toContain('1729000000000000201');
  });

  it('rejects negative sales and a window end that is not epoch milliseconds', () => {
    const r = parse(single(refundableApply({ refundable_info: { sales_count: -1, end_time: '1765000000' } })));
    expect(r.accepted).toBe(0);
    expect(r.rejections.map((x) => x.path)).toEqual([
      'agg_info[].apply_deatil.apply_info.refundable_info.sales_count',
      'agg_info[].apply_deatil.apply_info.refundable_info.end_time',
    ]);
  });

  it.each([
    [10, 'PENDING'],
    [20, 'AWAITING_SHIPMENT'],
    [30, 'SHIPPED'],
    [40, 'CONTENT_PENDING'],
    [50, 'COMPLETED'],
    [60, 'CANCELLED'],
  ] as const)('falls back to tab %i (%s) for a record without a status', (tab, expected) => {
    const r = parse(single(refundableApply({ curr_status: undefined })), { tab });
    expect(r.records.sampleRequests?.[0]).toMatchObject({ status: expected, statusRaw: `tab:${tab}` });
  });

  it('ignores error envelopes', () => {
    expect(parse({ code: 10000, message: 'captcha' })).toEqual({ records: {}, accepted: 0, rejections: [], skipped: true });
  });

  it('never throws and only yields well-formed refundable records, whatever the response turns into', { timeout: 30_000 }, () => {
    const mutate = anyJson;
    const fields = ['sales_target', 'sales_count', 'end_time', 'deposit'];
    fc.assert(
      fc.property(fc.constantFrom(...fields), mutate, fc.constantFrom('apply_id', 'curr_status', 'refundable_info', 'sample_type'), mutate, (field, value, applyField, applyValue) => {
        const info: Record<string, unknown> = refundableApply();
        const r = parse(single({ ...info, [applyField]: applyValue, refundable_info: applyField === 'refundable_info' ? applyValue : { ...(info.refundable_info as object), [field]: value } }));
        for (const s of r.records.sampleRequests ?? []) {
          expect(s.applyId).toMatch(/^\d{1,24}$/);
          expect(s.sampleType).toBe('REFUNDABLE_SAMPLE');
          const p = s.refundable;
          for (const n of [p?.goalUnits, p?.soldUnits]) if (n !== undefined) expect(Number.isInteger(n) && n >= 0).toBe(true);
          if (p?.windowEndAt !== undefined) expect(p.windowEndAt).toBeGreaterThanOrEqual(1e12);
          if (p?.deposit !== undefined) {
            expect(Number.isInteger(p.deposit.minor)).toBe(true);
            expect(p.deposit.currency).toMatch(/^[A-Z]{3}$/);
          }
        }
        expect(r.accepted + (r.rejections.length ? 1 : 0)).toBe(1);
      }),
      { numRuns: 400 },
    );
  });
});
