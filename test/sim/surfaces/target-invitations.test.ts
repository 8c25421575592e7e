import { describe, expect, it } from 'vitest';
import { invitationsDetail, invitationsSearch } from '../../../lib/adapters/invitations';
import { handleApi } from '../api';
import { CODE_INVALID_PARAMS } from '../surface';
import { HOSTILE, generateWorld, shopByKey, type SimShop } from '../world';
import {
  CONTACT_FIELDS,
  DETAIL_PATH,
  EXPIRING_UNACCEPTED,
  INVITATION_FAULTS,
  INVITATION_TABS,
  RECORD_STATUS,
  SEARCH_PATH,
  TAB_ENUM_STATUS,
  countsOf,
  invitationsOf,
  recordStatus,
  searchResults,
} from './target-invitations';

const NOW = Date.UTC(2025, 10, 20, 9, 30);
const world = generateWorld({ seed: 1, now: NOW });
const us = shopByKey(world, 'us');
const HOUR = 3_600_000;

type Json = Record<string, any>;

function call(shop: SimShop, path: string, body: unknown, fault = false, variant = ''): { status: number; json: Json } {
  const url = new URL(`https://${shop.host}${path}?aid=4331&shop_region=${shop.region}&oec_seller_id=${shop.sellerId}${fault ? '&cl_fault=shape' : ''}${variant ? `&cl_variant=${variant}` : ''}`);
  const res = handleApi(world, { url, method: 'POST', body: JSON.stringify(body), now: NOW });
  return res as { status: number; json: Json };
}

const searchBody = (status: number, page = 1, pageSize = 20, params: Record<string, unknown> = {}) => ({
  invitation_group_status: status,
  cur_page: page,
  page_size: pageSize,
  search_params: { query_items: [], filter_accept_status: 3, search_group_type: [1, 5, 3, 2, 9, 7], ...params },
});

describe('target invitations in the world', () => {
  it('has invitations in every status on every shop, from the shop\'s own creators and products', () => {
    for (const shop of world.shops) {
      const list = invitationsOf(world, shop);
      for (const tab of INVITATION_TABS) expect(list.some((x) => x.status === tab.code), `${shop.key} ${tab.label}`).toBe(true);
      const creators = new Set(shop.creators.map((c) => c.creatorId));
      const products = new Set(shop.products.map((p) => p.productId));
      for (const inv of list) {
        expect(inv.id).toMatch(/^\d{19}$/);
        expect(inv.name.length).toBeLessThanOrEqual(30);
        expect(inv.creators.every((c) => creators.has(c.creatorId))).toBe(true);
        expect(inv.products.every((p) => products.has(p.productId))).toBe(true);
        expect(inv.products.every((p) => p.targetBps >= 100 && p.targetBps <= 8000)).toBe(true);
      }
    }
  });

  it('is deterministic per seed', () => {
    const again = generateWorld({ seed: 1, now: NOW });
    expect(invitationsOf(again, shopByKey(again, 'gb'))).toEqual(invitationsOf(world, shopByKey(world, 'gb')));
  });

  it('has times that fit each status, and expiring invitations ending within 48 h with no creator accepted', () => {
    for (const shop of world.shops) {
      const list = invitationsOf(world, shop);
      for (const inv of list) {
        expect(inv.startTime).toBeLessThan(inv.endTime);
        if (inv.status === 1) expect(inv.endTime - NOW).toBeGreaterThan(7 * 24 * HOUR);
        if (inv.status === 2) expect(inv.endTime - NOW).toBeLessThan(7 * 24 * HOUR);
        if (inv.status === 4) expect(inv.endTime).toBeLessThan(NOW);
      }
      const urgent = list.filter((x) => x.status === 2 && x.endTime - NOW < 48 * HOUR && countsOf(x).accepted === 0);
      expect(urgent.length, shop.key).toBeGreaterThanOrEqual(EXPIRING_UNACCEPTED);
    }
  });

  it('offers free samples both ways and shows every contact channel somewhere, alongside blank ones', () => {
    for (const shop of world.shops) {
      const list = invitationsOf(world, shop);
      expect(list.some((x) => x.freeSample.offered && x.freeSample.auto)).toBe(true);
      expect(list.some((x) => x.freeSample.offered && !x.freeSample.auto)).toBe(true);
      expect(list.some((x) => !x.freeSample.offered)).toBe(true);
      const shown = new Set(list.flatMap((x) => x.contacts.filter((c) => c.value).map((c) => c.field)));
      expect([...shown].sort()).toEqual(Object.values(CONTACT_FIELDS).sort());
      expect(list.some((x) => x.contacts.some((c) => c.value === ''))).toBe(true);
    }
  });

  it('puts hostile text and the hostile creator and product in one US invitation', () => {
    const hostile = invitationsOf(world, us).find((x) => x.name === HOSTILE.nickname);
    expect(hostile?.message).toContain(HOSTILE.productTitle);
    expect(hostile?.creators.map((c) => c.creatorId)).toContain(HOSTILE.creatorId);
    expect(hostile?.products.map((p) => p.productId)).toContain(HOSTILE.productId);
  });
});

describe('POST invitation_group/search', () => {
  it('pages through a status tab, newest first, every invitation once', () => {
    const expected = searchResults(world, us, { status: 1, acceptedOnly: false, freeSampleOnly: false }).map((x) => x.id);
    const seen: string[] = [];
    for (let page = 1; ; page++) {
      const { json } = call(us, SEARCH_PATH, searchBody(1, page));
      expect(json.code).toBe(0);
      expect(json.data.total).toBe(expected.length);
      seen.push(...json.data.invitation_list.map((x: Json) => x.id));
      if (!json.data.has_more) break;
    }
    expect(seen).toEqual(expected);
    expect(expected.length).toBeGreaterThan(20);
  });

  it('applies the two filter chips', () => {
    const accepted = call(us, SEARCH_PATH, searchBody(4, 1, 50, { filter_accept_status: 2 })).json.data.invitation_list as Json[];
    expect(accepted.length).toBeGreaterThan(0);
    expect(accepted.every((x) => Number(x.creator_added_cnt) > 0)).toBe(true);
    const samples = call(us, SEARCH_PATH, searchBody(1, 1, 50, { free_sample_status: 1 })).json.data.invitation_list as Json[];
    expect(samples.every((x) => x.free_sample_rule.has_free_sample === true)).toBe(true);
  });

  it('lists nothing for a status code it does not know, and refuses bad bodies and page sizes over 50 with 98001004', () => {
    expect(call(us, SEARCH_PATH, searchBody(5)).json.data).toEqual({ invitation_list: [], total: 0, has_more: false });
    expect(call(us, SEARCH_PATH, searchBody(1, 1, 51)).json.code).toBe(CODE_INVALID_PARAMS);
    expect(call(us, SEARCH_PATH, { cur_page: 1, page_size: 20 }).json.code).toBe(CODE_INVALID_PARAMS);
    expect(call(us, SEARCH_PATH, { ...searchBody(1), search_params: [] }).json.code).toBe(CODE_INVALID_PARAMS);
  });

  it('sends what the adapter reads without a single rejection, on every shop and tab', () => {
    for (const shop of world.shops) {
      for (const tab of INVITATION_TABS) {
        const body = searchBody(tab.code, 1, 50);
        const r = invitationsSearch.parse(call(shop, SEARCH_PATH, body).json, body);
        expect(r.rejections, `${shop.key} ${tab.label}`).toEqual([]);
        expect(r.records.invitations?.every((x) => x.status !== 'UNKNOWN')).toBe(true);
      }
    }
  });

  it('sends a record’s group_status in the live-verified reading, or the tab’s code under the tab-enum variant', () => {
    for (const tab of INVITATION_TABS) {
      const body = searchBody(tab.code, 1, 50);
      const listed = searchResults(world, us, { status: tab.code, acceptedOnly: false, freeSampleOnly: false }).slice(0, 50);
      const codes = (variant = '') => (call(us, SEARCH_PATH, body, false, variant).json.data.invitation_list as Json[]).map((x) => Number(x.group_status));
      expect(codes()).toEqual(listed.map(recordStatus));
      expect(codes(TAB_ENUM_STATUS)).toEqual(listed.map(() => tab.code));
      // Whichever the reading, the adapter takes the state from the tab and keeps the code as sent.
      for (const variant of ['', TAB_ENUM_STATUS]) {
        const r = invitationsSearch.parse(call(us, SEARCH_PATH, body, false, variant).json, body);
        expect(new Set(r.records.invitations?.map((x) => x.statusRaw))).toEqual(new Set([`tab:${tab.code}`]));
        expect(r.records.invitations?.map((x) => Number(x.groupStatusRaw))).toEqual(codes(variant));
      }
    }
    const completed = invitationsOf(world, us).filter((x) => x.status === 4).map(recordStatus);
    expect(new Set(completed)).toEqual(new Set([RECORD_STATUS.ended, RECORD_STATUS.terminated]));
  });

  it(`breaks ${INVITATION_FAULTS.search} records of a page in fault mode, and only those`, () => {
    const body = searchBody(1);
    const clean = invitationsSearch.parse(call(us, SEARCH_PATH, body).json, body);
    const broken = invitationsSearch.parse(call(us, SEARCH_PATH, body, true).json, body);
    expect(broken.rejections.map((x) => x.path)).toEqual(['invitation_list[].end_time', 'invitation_list[].id']);
    expect(broken.records.invitations).toHaveLength((clean.records.invitations?.length ?? 0) - INVITATION_FAULTS.search);
  });
});

describe('POST invitation_group/detail', () => {
  it('returns the invitation with its message, contacts, products and creators, in the world\'s units', () => {
    for (const shop of world.shops) {
      const inv = invitationsOf(world, shop)[0]!;
      const { json } = call(shop, DETAIL_PATH, { invitation_group_id: inv.id });
      const d = json.data.invitation;
      expect(d.id).toBe(inv.id);
      expect(d.message).toBe(inv.message);
      expect(d.contacts_info).toHaveLength(inv.contacts.length);
      expect(d.product_list.map((p: Json) => p.product_id)).toEqual(inv.products.map((p) => p.productId));
      expect(d.product_list[0].price.symbol).toBe(shop.currency);
      expect(d.creator_id_list.map((c: Json) => c.base_info.creator_oec_id)).toEqual(inv.creators.map((c) => c.creatorId));
      const r = invitationsDetail.parse(json, { invitation_group_id: inv.id });
      expect(r.rejections).toEqual([]);
      expect(r.records.invitationCreators).toHaveLength(inv.creators.length);
      expect(r.records.invitations?.[0]?.counts).toEqual(countsOf(inv));
    }
  });

  it('refuses an unknown id', () => {
    expect(call(us, DETAIL_PATH, { invitation_group_id: '1' }).json.code).toBe(CODE_INVALID_PARAMS);
  });

  it(`breaks ${INVITATION_FAULTS.detail} records in fault mode`, () => {
    const inv = invitationsOf(world, us)[0]!;
    const r = invitationsDetail.parse(call(us, DETAIL_PATH, { invitation_group_id: inv.id }, true).json, {});
    expect(r.rejections.map((x) => x.path)).toEqual(['invitation.product_list[].target_commission', 'invitation.creator_id_list[].base_info.user_name']);
    expect(r.records.invitations).toHaveLength(1);
  });
});
