/**
 * The sample-request lists' wire format (research/domain.md §3.1), shared by the free list (`sample/group/list`) and
 * the refundable list (`sample/refundable/apply/list`): creator blocks, `apply_info` records and the `agg_info`
 * elements that group a creator's requests on a page. Pure functions of the world; every wire quirk is decided per
 * record in the world's `wire` fields.
 */
import { creatorOf, productOf, skuOf, type PageElement, type SimCreator, type SimRequest, type SimShop } from '../world';

export function creatorJson(c: SimCreator): Record<string, unknown> {
  return {
    creator_id: c.creatorId,
    name: c.handle,
    nick_name: c.nickname,
    avatar: { url_list: [c.avatarUrl] },
    follower_cnt: c.wire.followerCountAsString ? String(c.followers) : c.followers,
    fulfillment_percentage: c.fulfillmentPercentage,
  };
}

export function applyJson(shop: SimShop, r: SimRequest, now: number): Record<string, unknown> {
  const product = productOf(shop, r.productId);
  const sku = skuOf(shop, r.skuId);
  const out: Record<string, unknown> = {
    apply_id: r.applyId,
    product_id: r.productId,
    product_title: product.title,
    sku_id: r.skuId,
    sku_desc: sku.desc,
    sku_image: sku.image,
    sku_stock: sku.stock,
    commission_rate: r.wire.commissionAsString ? String(r.commissionBps) : r.commissionBps,
    region: shop.region,
    status: r.status,
    sample_type: r.sampleType,
    apply_time: String(r.applyTime),
    expired_in: r.deadline === null ? '0' : String(Math.max(0, r.deadline - now)),
  };
  if (r.wire.omitSkuDesc) delete out.sku_desc;
  return out;
}

/**
 * One element of `agg_info`: a group when the creator has ≥2 requests on the page, else a single (`apply_deatil`/
 * `apply_detail`). `info` builds each request's `apply_info` (a list adds its own fields to `applyJson`).
 */
export function elementJson(el: PageElement, info: (r: SimRequest) => Record<string, unknown>): Record<string, unknown> {
  const creator = creatorJson(el.creator);
  const infos = el.requests.map(info);
  const lead = el.requests[0]!;
  if (el.requests.length >= 2) {
    const group: Record<string, unknown> = { group_id: lead.groupId, creator_info: creator };
    if (lead.wire.infosInsideGroup) {
      group.apply_infos = infos;
      return { apply_group: group };
    }
    return { apply_group: group, apply_infos: infos };
  }
  return { [lead.wire.detailKey]: { apply_info: infos[0], creator_info: creator } };
}

/** The `apply_info` records of an `agg_info` element, wherever the element keeps them. */
export function infosOf(json: Record<string, unknown>): Record<string, unknown>[] {
  const group = json.apply_group as Record<string, unknown> | undefined;
  const single = (json.apply_deatil ?? json.apply_detail) as Record<string, unknown> | undefined;
  return (group ? (json.apply_infos ?? group.apply_infos) : [single?.apply_info]) as Record<string, unknown>[];
}

/** A page of requests (already in list order) with a creator's requests on that page folded into one element. */
export function elementsOf(shop: SimShop, requests: readonly SimRequest[]): PageElement[] {
  const out: PageElement[] = [];
  const byCreator = new Map<string, PageElement>();
  for (const r of requests) {
    let el = byCreator.get(r.creatorId);
    if (!el) {
      el = { creator: creatorOf(shop, r.creatorId), requests: [] };
      byCreator.set(r.creatorId, el);
      out.push(el);
    }
    el.requests.push(r);
  }
  return out;
}
