import fc from 'fast-check';
import { anyJson } from '../../test/arbitraries';
import { describe, expect, it } from 'vitest';
import { expectNoSilentDrop, expectReadsCover, outcome } from '../../test/adapter-harness';
import { creatorMaya } from '../../test/fixtures/sample-group-list';
import { APPLY_ID, livePage, NOW, video, videoPage } from '../../test/fixtures/sample-performance';
import { samplePerformance } from './sample-performance';

const DAY = 86_400_000;
const body = (contentType: unknown, applyId: unknown = APPLY_ID) => ({ apply_id: applyId, content_type: contentType, cur_page: 1, page_size: 10 });
const parse = (json: unknown, requestBody: unknown = body(2)) => samplePerformance.parse(json, requestBody, { region: 'US' });
const one = (content: Record<string, unknown>) => ({ code: 0, data: { apply_id: APPLY_ID, creator_info: creatorMaya, content_list: [{ content }] } });

describe('sample.performance adapter', () => {
  it('reads videos with their counts, tied to the sample request and the creator', () => {
    const r = parse(videoPage());
    expect(r.rejections).toEqual([]);
    expect(r.accepted).toBe(2);
    expect(r.records.sampleContents).toEqual([
      {
        contentId: '7310000000000000001',
        applyId: APPLY_ID,
        creatorHandle: 'glowwithmaya',
        productId: '1729500000000000001',
        format: 'VIDEO',
        postedAt: NOW - 2 * DAY,
        liveEndAt: undefined,
        description: 'Obsessed with this serum ✨ #tiktokmademebuyit',
        url: 'https://www.tiktok.com/@glowwithmaya/video/7310000000000000001',
        views: 18_422,
        likes: 1204,
        comments: 37,
        paidOrders: 9,
      },
      expect.objectContaining({ contentId: '7310000000000000002', format: 'VIDEO', productId: undefined, views: undefined, likes: undefined, paidOrders: 0 }),
    ]);
    expect(r.records.creators).toEqual([
      expect.objectContaining({ handle: 'glowwithmaya', nickname: 'Maya ✨ Skincare', aliases: ['cid:7494000000000000001'], followerCount: 125_300, fulfillmentBps: 6085 }),
    ]);
    expect(r.records.creators?.[0]?.metrics).toMatchObject({ followers: 125_300, unitsSold: 1204, gmv: { minor: 4_825_050, currency: 'USD' } });
  });

  it.each([
    ['under data', videoPage(), 'data.content_list'],
    ['at the top level, as the real sample list keeps its list', { code: 0, message: '', ...videoPage().data }, 'content_list'],
  ] as const)('finds the list %s, declares what it reads, and drops nothing', (_name, json, listPath) => {
    const r = outcome(samplePerformance, json, body(2));
    expect(r.rejections).toEqual([]);
    expect(r.records.sampleContents?.map((c) => c.contentId)).toEqual(['7310000000000000001', '7310000000000000002']);
    expectReadsCover(samplePerformance, json, body(2));
    expectNoSilentDrop(samplePerformance, json, listPath, body(2));
    expect(samplePerformance.variantOf?.(body(2))).toBe('content_type:2');
    expect(samplePerformance.variantOf?.(body(1))).toBe('content_type:1');
  });

  it('reads a LIVE, taking the sample request from the request body when the response does not echo it', () => {
    const r = parse(livePage(), body(1));
    expect(r.records.sampleContents).toEqual([
      expect.objectContaining({
        contentId: '7320000000000000001',
        applyId: APPLY_ID,
        format: 'LIVE',
        postedAt: NOW - DAY,
        liveEndAt: NOW - DAY + 5_400_000,
        description: '',
        url: undefined,
        views: 5210,
        likes: 20_044,
        comments: 811,
        paidOrders: 14,
      }),
    ]);
  });

  it('takes the format from the content, else from the content_type asked for', () => {
    const withoutFormat = one(video({ format: undefined }));
    expect(parse(withoutFormat, body(1)).records.sampleContents?.[0]?.format).toBe('LIVE');
    expect(parse(withoutFormat, body('2')).records.sampleContents?.[0]?.format).toBe('VIDEO');
    expect(parse(one(video({ format: 'LIVE' })), body(2)).records.sampleContents?.[0]?.format).toBe('LIVE');
    const unknown = parse(withoutFormat, body(7));
    expect(unknown.accepted).toBe(0);
    expect(unknown.rejections).toEqual([{ path: 'data.content_list[].content.format', code: 'missing' }]);
  });

  it('keeps content without a known sample request (no apply_id anywhere) rather than inventing one', () => {
    const page = livePage();
    const r = parse(page, { content_type: 1 });
    expect(r.records.sampleContents?.[0]?.applyId).toBeUndefined();
  });

  it('rejects content whose link is not a public https URL, and never echoes it', () => {
    const r = parse({
      code: 0,
      data: {
        apply_id: APPLY_ID,
        creator_info: creatorMaya,
        content_list: [{ content: video({ url: 'javascript:alert(1)' }) }, { content: video({ id: '7310000000000000002', page_link: 'http://example.com/x', url: undefined }) }, { content: video({ id: '7310000000000000003' }) }],
      },
    });
    expect(r.accepted).toBe(1);
    expect(r.rejections).toEqual([
      { path: 'data.content_list[].content.url', code: 'custom' },
      { path: 'data.content_list[].content.page_link', code: 'custom' },
    ]);
    expect(JSON.stringify(r)).not.toContain('javascript');
  });

  it('rejects records of the wrong type with their path and keeps the rest', () => {
    const page = videoPage();
    page.data.content_list[0]!.content = video({ view_count: '18.4K' });
    const r = parse(page);
    expect(r.accepted).toBe(1);
    expect(r.rejections).toEqual([{ path: 'data.content_list[].content.view_count', code: 'invalid_union' }]);
    expect(r.records.sampleContents?.map((c) => c.contentId)).toEqual(['7310000000000000002']);
  });

  it('rejects the whole list when the creator cannot be named, since no content could be tied to them', () => {
    const page = videoPage();
    page.data.creator_info = { ...creatorMaya, name: null } as unknown as typeof creatorMaya;
    const r = parse(page);
    expect(r.accepted).toBe(0);
    expect(r.records).toEqual({});
    expect(r.rejections).toEqual([{ path: 'data.creator_info.name', code: 'custom' }]);
  });

  it('reads an empty list as empty and ignores error envelopes', () => {
    expect(parse({ code: 0, data: { content_list: [], total_count: 0 } })).toEqual({ records: {}, accepted: 0, rejections: [] });
    expect(parse({ code: 0, data: { content_list: null } })).toEqual({ records: {}, accepted: 0, rejections: [] });
    expect(parse({ code: 98001004, message: 'invalid parameters' })).toEqual({ records: {}, accepted: 0, rejections: [], skipped: true });
    expect(parse({ code: 0, data: { content_list: 'soon' } }).rejections).toEqual([{ path: 'data.content_list', code: 'invalid_type' }]);
  });

  it('never throws and only yields well-formed content, whatever the response or the body turns into', { timeout: 30_000 }, () => {
    const mutate = anyJson;
    const fields = ['id', 'format', 'description', 'url', 'page_link', 'create_time', 'live_end_time', 'view_count', 'like_count', 'comment_count', 'paid_order_count'];
    fc.assert(
      fc.property(fc.constantFrom(...fields), mutate, mutate, mutate, (field, value, contentType, applyId) => {
        const r = parse(one(video({ [field]: value })), body(contentType, applyId));
        for (const c of r.records.sampleContents ?? []) {
          expect(c.contentId).toMatch(/^\d{1,24}$/);
          expect(['VIDEO', 'LIVE']).toContain(c.format);
          if (c.url !== undefined) expect(c.url).toMatch(/^https:\/\//);
          if (c.description !== undefined) expect(c.description.length).toBeLessThanOrEqual(5000);
          for (const n of [c.views, c.likes, c.comments, c.paidOrders]) if (n !== undefined) expect(Number.isInteger(n) && n >= 0).toBe(true);
          for (const t of [c.postedAt, c.liveEndAt]) if (t !== undefined) expect(t).toBeGreaterThanOrEqual(1e12);
          expect(c.applyId).toBe(APPLY_ID);
        }
        expect(r.accepted + (r.rejections.length ? 1 : 0)).toBe(1);
      }),
      { numRuns: 400 },
    );
  });
});
