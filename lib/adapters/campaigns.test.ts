import fc from 'fast-check';
import { anyJson } from '../../test/arbitraries';
import { describe, expect, it } from 'vitest';
import {
  agencyCampaign,
  PRODUCT_B,
  CAMPAIGN_SELLER,
  CAMPAIGN_TARGETED,
  CAMPAIGN_UPCOMING,
  detailResponse,
  NOW,
  partnerVocabularyCampaign,
  partnerVocabularyRegistration,
  registeredBody,
  registeredPage,
  registration,
  searchBody,
  searchPage,
  searchPageAt,
  type CampaignListAt,
} from '../../test/fixtures/campaigns';
import { expectNoSilentDrop, expectReadsCover, outcome } from '../../test/adapter-harness';
import { shapeOf } from '../shapes/shape';
import { unreadPaths } from '../shapes/unread';
import { campaignDetail, campaignRegistered, campaignSearch } from './campaigns';

const mutation = anyJson;

describe('campaign.search adapter', () => {
  it('reads agency and seller campaigns with their periods, requirement, partner and contacts', () => {
    const r = campaignSearch.parse(searchPage(), searchBody());
    expect(r.rejections).toEqual([]);
    expect(r.accepted).toBe(3);
    const [targeted, upcoming, seller] = r.records.campaigns ?? [];
    expect(targeted).toEqual({
      id: CAMPAIGN_TARGETED,
      name: 'Holiday Glow Creators Push',
      kind: 'agency',
      scope: 'targeted',
      status: 'ONGOING',
      statusRaw: 'ONGOING',
      description: expect.stringContaining('Skincare') as unknown,
      region: 'US',
      partnerId: '7450000000000000001',
      partnerName: 'Spark Creators Agency',
      registrationStartAt: NOW - 10 * 86_400_000,
      registrationEndAt: NOW + 30 * 3_600_000,
      campaignStartAt: NOW + 2 * 86_400_000,
      campaignEndAt: NOW + 60 * 86_400_000,
      commissionRequirementBps: 2000,
      registeredProducts: 3,
      // Empty and null channels are not contacts.
      contacts: [
        { channel: 'email', value: 'deals@sparkcreators.example' },
        { channel: 'whatsapp', value: '+1 415 555 0134' },
      ],
    });
    expect(upcoming).toMatchObject({ id: CAMPAIGN_UPCOMING, status: 'UPCOMING', statusRaw: 'UPCOMING', commissionRequirementBps: 1500, registeredProducts: 0 });
    expect(upcoming?.scope).toBeUndefined();
    expect(upcoming?.contacts).toBeUndefined();
    expect(upcoming?.description).toBeUndefined();
    expect(seller).toMatchObject({ id: CAMPAIGN_SELLER, kind: 'seller', status: 'CLOSED', statusRaw: 'CLOSED' });
    expect(seller?.partnerName).toBeUndefined();
  });

  it.each(['data.campaign', 'data.campaign_list', 'campaign_list'] as CampaignListAt[])('finds the list at %s, declares what it reads there and drops nothing', (at) => {
    const page = searchPageAt(at);
    const r = campaignSearch.parse(page, searchBody());
    expect(r.rejections).toEqual([]);
    expect(r.records.campaigns?.map((c) => c.id)).toEqual([CAMPAIGN_TARGETED, CAMPAIGN_UPCOMING, CAMPAIGN_SELLER]);
    expectReadsCover(campaignSearch, page, searchBody());
    expectNoSilentDrop(campaignSearch, page, at, searchBody());
    expect(outcome(campaignSearch, page, searchBody()).rejections).toEqual([]);
  });

  it('reads the partner side’s vocabulary: promotion times in seconds, the requirement and the count in their objects', () => {
    const page = { code: 0, msg: 'success', data: { campaign: [partnerVocabularyCampaign()], total_num: 1 } };
    const r = campaignSearch.parse(page, searchBody());
    expect(r.rejections).toEqual([]);
    expect(r.records.campaigns?.[0]).toMatchObject({
      registrationStartAt: NOW - 10 * 86_400_000,
      registrationEndAt: NOW + 30 * 3_600_000,
      campaignStartAt: NOW + 2 * 86_400_000,
      campaignEndAt: NOW + 60 * 86_400_000,
      commissionRequirementBps: 2000,
      registeredProducts: 3,
    });
    expectReadsCover(campaignSearch, page, searchBody());
    expectNoSilentDrop(campaignSearch, page, 'data.campaign', searchBody());
    // Fields whose meaning nobody has published stay unread, for the shape watch to show.
    expect(unreadPaths(shapeOf(page), campaignSearch.reads)).toEqual([
      'data.campaign[].campaign_statistics.approved_product_num',
      'data.campaign[].campaign_type',
      'data.campaign[].commission',
      'data.campaign[].partner_join_status',
      'data.campaign[].seller_campaign_extra.max_commission_rate',
    ]);
  });

  it('keeps a numeric status raw: nobody has published what the codes mean', () => {
    const r = campaignSearch.parse({ data: { campaign: [partnerVocabularyCampaign(), agencyCampaign({ campaign_id: CAMPAIGN_SELLER, status: '4' })] } }, searchBody());
    expect(r.records.campaigns?.map((c) => [c.status, c.statusRaw])).toEqual([
      ['UNKNOWN', '3'],
      ['UNKNOWN', '4'],
    ]);
  });

  it('names the form of answer by the list asked for (marketplace or My campaigns)', () => {
    expect(campaignSearch.variantOf?.(searchBody())).toBe('query:1');
    expect(campaignSearch.variantOf?.(searchBody({ query_type: 2 }))).toBe('query:2');
    expect(campaignSearch.variantOf?.({ query_type: 'MARKETPLACE' })).toBeUndefined();
  });

  it('reports a list it cannot find instead of an empty page', () => {
    const moved = outcome(campaignSearch, { code: 0, data: { campaign_infos: [agencyCampaign()], total_num: 1 } }, searchBody());
    expect(moved.accepted).toBe(0);
    expect(moved.rejections).toContainEqual({ path: 'data.campaign_infos', code: 'no_record' });
    expect(outcome(campaignSearch, { code: 0, msg: 'success', data: { campaign: [], total_num: 0, has_more: false } }, searchBody()).rejections).toEqual([]);
  });

  it('takes the scope from a Target or Local agency filter when the record does not say, never from All', () => {
    const page = searchPage();
    expect(campaignSearch.parse(page, searchBody({ campaign_scope: 3 })).records.campaigns?.map((c) => c.scope)).toEqual(['targeted', 'local', 'local']);
    expect(campaignSearch.parse(page, searchBody({ campaign_scope: 'ALL' })).records.campaigns?.map((c) => c.scope)).toEqual(['targeted', undefined, undefined]);
  });

  it('takes the kind from the list asked for when the record does not say, and rejects a campaign of unknown kind', () => {
    const page = { data: { campaign: [agencyCampaign({ campaign_source: undefined })] } };
    expect(campaignSearch.parse(page, searchBody({ campaign_source: 2 })).records.campaigns?.[0]?.kind).toBe('seller');
    const unknown = campaignSearch.parse(page, {});
    expect(unknown.accepted).toBe(0);
    expect(unknown.rejections).toEqual([{ path: 'data.campaign[].campaign_source', code: 'unknown_kind' }]);
  });

  it('keeps an unknown status name as UNKNOWN with what was sent', () => {
    const r = campaignSearch.parse({ data: { campaign: [agencyCampaign({ status: 'PAUSED' })] } }, searchBody());
    expect(r.records.campaigns?.[0]).toMatchObject({ status: 'UNKNOWN', statusRaw: 'PAUSED' });
  });

  it('rejects broken campaigns with their path, keeps the rest, and never echoes values', () => {
    const page = searchPage();
    page.data.campaign[0] = agencyCampaign({ commission_rate: { value: '20%' } });
    page.data.campaign[1] = agencyCampaign({ campaign_id: undefined, name: 'Secret <b>name</b>' });
    const r = campaignSearch.parse(page, searchBody());
    expect(r.accepted).toBe(1);
    expect(r.rejections).toEqual([
      { path: 'data.campaign[].commission_rate', code: 'invalid_union' },
      { path: 'data.campaign[].campaign_id', code: 'custom' },
    ]);
    expect(JSON.stringify(r.rejections)).not.toContain('Secret');
  });

  it('refuses rates above 100% and times that are neither epoch milliseconds nor epoch seconds', () => {
    const r = campaignSearch.parse(
      { data: { campaign: [agencyCampaign({ commission_rate: 12_000 }), agencyCampaign({ registration_end_time: '17637000' })] } },
      searchBody(),
    );
    expect(r.rejections.map((x) => x.path)).toEqual(['data.campaign[].commission_rate', 'data.campaign[].registration_end_time']);
  });

  it('skips error envelopes and reads empty lists as empty', () => {
    expect(campaignSearch.parse({ code: 10000, message: 'captcha' }, searchBody())).toEqual({ records: {}, accepted: 0, rejections: [], skipped: true });
    expect(campaignSearch.parse({ code: 0, data: { campaign_list: null, total: 0 } }, searchBody())).toEqual({ records: {}, accepted: 0, rejections: [] });
    expect(campaignSearch.parse({ code: 0, data: { campaign: 'none' } }, searchBody()).rejections).toEqual([{ path: 'data.campaign', code: 'invalid_type' }]);
  });
});

describe('campaign.detail adapter', () => {
  it('reads the campaign under `campaign` or `campaign_info`', () => {
    const r = campaignDetail.parse(detailResponse(), { campaign_id: CAMPAIGN_TARGETED });
    expect(r.accepted).toBe(1);
    expect(r.records.campaigns?.[0]).toMatchObject({ id: CAMPAIGN_TARGETED, partnerName: 'Spark Creators Agency', commissionRequirementBps: 2000 });
    expect(r.records.campaigns?.[0]?.registeredProducts).toBeUndefined();
    const info = campaignDetail.parse({ code: 0, data: { campaign_info: agencyCampaign({ id: '7440000000000000999', campaign_id: undefined }) } }, {});
    expect(info.records.campaigns?.[0]?.id).toBe('7440000000000000999');
  });

  it('reads the campaign at the top level too, or as a list of one as the partner side lists campaigns', () => {
    for (const json of [
      { code: 0, msg: 'success', campaign: agencyCampaign() },
      { code: 0, data: { campaign: [agencyCampaign()] } },
      { code: 0, data: { campaign: [partnerVocabularyCampaign()] } },
    ]) {
      const r = campaignDetail.parse(json, {});
      expect(r.rejections).toEqual([]);
      expect(r.records.campaigns?.map((c) => c.id)).toEqual([CAMPAIGN_TARGETED]);
      expectReadsCover(campaignDetail, json, {});
    }
    expectReadsCover(campaignDetail, detailResponse(), {});
  });

  it('reports a detail whose campaign it cannot find or read, with its path', () => {
    expect(outcome(campaignDetail, { code: 0, data: { campaign_detail: agencyCampaign() } }, {}).rejections).toContainEqual({ path: 'data.campaign_detail', code: 'not_read' });
    expect(campaignDetail.parse(detailResponse({ name: undefined }), {}).rejections).toEqual([{ path: 'campaign.name', code: 'custom' }]);
    expect(campaignDetail.parse({ code: 0, data: { campaign: 'x' } }, {}).rejections).toEqual([{ path: 'campaign', code: 'invalid_type' }]);
    expect(campaignDetail.parse({ code: 98001004 }, {}).skipped).toBe(true);
  });
});

describe('campaign.registered adapter', () => {
  it('reads every registration state the seller can see', () => {
    const r = campaignRegistered.parse(registeredPage(), registeredBody());
    expect(r.rejections).toEqual([]);
    expect(r.records.registrations?.map((x) => [x.state, x.stateRaw])).toEqual([
      ['PENDING', 'PENDING'],
      ['APPROVED', 'APPROVED'],
      ['LIVE', 'LIVE'],
      ['REJECTED', 'REJECTED'],
      ['REJECTED_BLOCKED', 'REJECTED'],
      ['REJECTED_BLOCKED', 'REJECT_FOREVER'],
      ['CANCEL_REQUESTED', 'PENDING_CLOSED'],
      ['CANCELLED', 'CLOSED'],
    ]);
    expect(new Set(r.records.registrations?.map((x) => x.campaignId))).toEqual(new Set([CAMPAIGN_TARGETED]));
  });

  it('keeps rates in bps, sample quantity, reasons and the seller contact per product', () => {
    const regs = campaignRegistered.parse(registeredPage(), registeredBody()).records.registrations ?? [];
    expect(regs[0]).toEqual({
      campaignId: CAMPAIGN_TARGETED,
      productId: '1729500000000000101',
      state: 'PENDING',
      stateRaw: 'PENDING',
      rejectReason: undefined,
      rejectCodes: undefined,
      totalCommissionBps: 2200,
      creatorCommissionBps: 1500,
      partnerCommissionBps: 700,
      sampleQuantity: 20,
      registeredAt: NOW - 2 * 86_400_000,
      contacts: [
        { channel: 'email', value: 'partners@brightwell.example' },
        { channel: 'whatsapp', value: '+1 212 555 0188' },
      ],
    });
    expect(regs[2]?.sampleQuantity).toBe(500);
    expect(regs[3]).toMatchObject({ rejectCodes: ['COMMISSION_TOO_LOW'], rejectReason: 'Please raise the total commission to at least 20%.' });
    expect(regs[5]?.rejectCodes).toEqual(['2']);
    expect(regs[7]).toMatchObject({ sampleQuantity: undefined, contacts: undefined });
  });

  it('keeps a numeric state raw, and reads rates sent as percent strings', () => {
    const page = { code: 0, msg: 'success', data: { campaign_id: CAMPAIGN_TARGETED, product_list: [partnerVocabularyRegistration(), partnerVocabularyRegistration({ product_id: PRODUCT_B, status: '4' })] } };
    const regs = campaignRegistered.parse(page, registeredBody()).records.registrations ?? [];
    expect(regs.map((x) => [x.state, x.stateRaw, x.totalCommissionBps, x.creatorCommissionBps, x.partnerCommissionBps, x.registeredAt])).toEqual([
      ['UNKNOWN', '1', 2200, 1500, 700, NOW - 2 * 86_400_000],
      ['UNKNOWN', '4', 2200, 1500, 700, NOW - 2 * 86_400_000],
    ]);
    expectReadsCover(campaignRegistered, page, registeredBody());
    expectNoSilentDrop(campaignRegistered, page, 'data.product_list', registeredBody());
  });

  it('finds the list at the top level too, declares what it reads and drops nothing', () => {
    const { product_list, campaign_id, total } = registeredPage().data;
    for (const page of [registeredPage(), { code: 0, msg: 'success', campaign_id, product_list, total }]) {
      expect(campaignRegistered.parse(page, registeredBody()).records.registrations).toHaveLength(8);
      expectReadsCover(campaignRegistered, page, registeredBody());
      expect(outcome(campaignRegistered, page, registeredBody()).rejections).toEqual([]);
    }
    expectNoSilentDrop(campaignRegistered, registeredPage(), 'data.product_list', registeredBody());
    expectNoSilentDrop(campaignRegistered, { code: 0, campaign_id, product_list }, 'product_list', registeredBody());
    const moved = outcome(campaignRegistered, { code: 0, data: { registered_list: product_list } }, registeredBody());
    expect(moved.rejections).toContainEqual({ path: 'data.registered_list', code: 'no_record' });
  });

  it('emits the products it names, and not those without a title', () => {
    const r = campaignRegistered.parse(registeredPage(), registeredBody());
    expect(r.records.products).toHaveLength(7);
    expect(r.records.products?.[0]).toEqual({ productId: '1729500000000000101', title: 'Rose Hydrating Serum 30ml' });
  });

  it('takes the campaign from the record, then the list, then the request body, and rejects a registration without one', () => {
    const own = { data: { product_list: [registration({ campaign_id: '7440000000000000555' })] } };
    expect(campaignRegistered.parse(own, registeredBody()).records.registrations?.[0]?.campaignId).toBe('7440000000000000555');
    const bare = { data: { product_list: [registration()] } };
    expect(campaignRegistered.parse(bare, registeredBody('7440000000000000666')).records.registrations?.[0]?.campaignId).toBe('7440000000000000666');
    expect(campaignRegistered.parse(bare, undefined).rejections).toEqual([{ path: 'data.product_list[].campaign_id', code: 'no_campaign' }]);
  });

  it('rejects broken registrations with their path and keeps the rest', () => {
    const page = registeredPage();
    page.data.product_list[1] = registration({ status: { code: 'APPROVED' } });
    page.data.product_list[2] = registration({ sample_quantity: 'lots' });
    page.data.product_list[3] = registration({ product_id: 1729500000000000101 });
    const r = campaignRegistered.parse(page, registeredBody());
    expect(r.accepted).toBe(5);
    expect(r.rejections.map((x) => x.path)).toEqual(['data.product_list[].status', 'data.product_list[].sample_quantity', 'data.product_list[].product_id']);
    expect(JSON.stringify(r.rejections)).not.toContain('brightwell');
  });

  it('never throws and yields only well-formed campaigns and registrations, whatever the responses turn into', () => {
    const campaignFields = ['campaign_id', 'name', 'status', 'campaign_source', 'campaign_scope', 'registration_end_time', 'commission_rate', 'partner_info', 'contact_info', 'registered_product_cnt'];
    const registrationFields = ['product_id', 'status', 'can_re_register', 'total_commission_rate', 'sample_quantity', 'contact_info', 'reject_reasons', 'register_time'];
    fc.assert(
      fc.property(fc.constantFrom(...campaignFields), mutation, fc.constantFrom(...registrationFields), mutation, (cf, cv, rf, rv) => {
        const s = campaignSearch.parse({ code: 0, data: { campaign: [agencyCampaign({ [cf]: cv })] } }, searchBody());
        const d = campaignDetail.parse({ code: 0, data: { campaign: agencyCampaign({ [cf]: cv }) } }, {});
        for (const r of [s, d]) {
          expect(r.accepted + (r.rejections.length ? 1 : 0)).toBe(1);
          for (const c of r.records.campaigns ?? []) {
            expect(c.id).toMatch(/^\d{1,24}$/);
            expect(['agency', 'seller']).toContain(c.kind);
            if (c.commissionRequirementBps !== undefined) expect(Number.isInteger(c.commissionRequirementBps) && c.commissionRequirementBps <= 10_000).toBe(true);
            if (c.registrationEndAt !== undefined) expect(c.registrationEndAt).toBeGreaterThanOrEqual(1e12);
            for (const contact of c.contacts ?? []) expect(typeof contact.value).toBe('string');
          }
        }
        const g = campaignRegistered.parse({ code: 0, data: { product_list: [registration({ [rf]: rv })] } }, registeredBody());
        expect(g.accepted + (g.rejections.length ? 1 : 0)).toBe(1);
        for (const reg of g.records.registrations ?? []) {
          expect(reg.productId).toMatch(/^\d{1,24}$/);
          if (reg.sampleQuantity !== undefined) expect(Number.isInteger(reg.sampleQuantity) && reg.sampleQuantity >= 0).toBe(true);
          if (reg.totalCommissionBps !== undefined) expect(reg.totalCommissionBps).toBeLessThanOrEqual(10_000);
        }
      }),
      { numRuns: 300 },
    );
  }, 30_000);
});
