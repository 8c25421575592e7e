import { describe, expect, it } from 'vitest';
import { INSIGHT_METRICS, outreachInsights, sampleInsights, transactionInsights } from '../../../lib/adapters/insights';
import type { EndpointAdapter } from '../../../lib/adapters/types';
import { money } from '../../../lib/domain/money';
import { handleApi } from '../api';
import { CODE_INVALID_PARAMS } from '../surface';
import { generateWorld, shopByKey, type SimShop } from '../world';
import { compassPath, DATE_TYPES, INSIGHT_FAULTS, INSIGHT_MODULES, insightFigures, insightVariants, periodOf, type InsightModule } from './insights';

const NOW = Date.UTC(2025, 10, 20, 9, 30);
const world = generateWorld({ seed: 1, now: NOW });
const us = shopByKey(world, 'us');
const ADAPTER: Record<InsightModule, EndpointAdapter> = { transaction: transactionInsights, sample: sampleInsights, outreach: outreachInsights };

type Json = Record<string, any>;

function call(shop: SimShop, module: InsightModule, body: unknown, opts: { fault?: boolean; now?: number; method?: string; variant?: string } = {}) {
  const url = new URL(
    `https://${shop.host}${compassPath(module)}?aid=4331&shop_region=${shop.region}&oec_seller_id=${shop.sellerId}${opts.fault ? '&cl_fault=shape' : ''}${opts.variant ? `&cl_variant=${opts.variant}` : ''}`,
  );
  return handleApi(world, { url, method: opts.method ?? 'POST', body: JSON.stringify(body), now: opts.now ?? NOW });
}

describe('POST /api/v1/oec/affiliate/compass/{module}/overview/get', () => {
  it('answers every module and window with the period and the figures in the shop currency', () => {
    for (const shop of world.shops) {
      for (const module of INSIGHT_MODULES) {
        for (const d of DATE_TYPES) {
          const res = call(shop, module, { date_type: d.code });
          const json = res?.json as Json;
          expect(json.code).toBe(0);
          const { start, end } = periodOf(NOW, d.code);
          expect(json.data.period).toEqual({ start_time: String(start), end_time: String(end), date_type: d.code });
          expect(end - start + 1).toBe(d.days * 86_400_000);
          const stats = json.data.core_stats as Json;
          expect(Object.keys(stats)).toEqual(insightFigures(world, shop, module, d.code).map((f) => f.key));
          for (const v of Object.values(stats)) {
            const currency = v?.value?.currency ?? v?.symbol;
            if (currency) expect(currency).toBe(shop.currency);
          }
        }
      }
    }
  });

  it('grows with the window, and keeps sample figures consistent', () => {
    for (const module of INSIGHT_MODULES) {
      const week = insightFigures(world, us, module, 1);
      const quarter = insightFigures(world, us, module, 3);
      const first = (fs: typeof week) => fs.find((f) => f.kind === 'count')!.value;
      expect(first(quarter)).toBeGreaterThan(first(week));
    }
    const [requested, approved, shipped, content] = insightFigures(world, us, 'sample', 2).map((f) => f.value);
    expect(requested).toBeGreaterThanOrEqual(approved!);
    expect(approved).toBeGreaterThanOrEqual(shipped!);
    expect(shipped).toBeGreaterThanOrEqual(content!);
  });

  it('is deterministic per seed and differs per shop', () => {
    const again = generateWorld({ seed: 1, now: NOW + 86_400_000 });
    expect(insightFigures(again, shopByKey(again, 'us'), 'transaction', 2)).toEqual(insightFigures(world, us, 'transaction', 2));
    expect(insightFigures(world, shopByKey(world, 'gb'), 'transaction', 2)).not.toEqual(insightFigures(world, us, 'transaction', 2));
  });

  it('refuses an unknown window, a missing body and GET', () => {
    expect((call(us, 'sample', { date_type: 9 })?.json as Json).code).toBe(CODE_INVALID_PARAMS);
    expect((call(us, 'sample', {})?.json as Json).code).toBe(CODE_INVALID_PARAMS);
    expect(call(us, 'sample', { date_type: 1 }, { method: 'GET' })?.status).toBe(405);
  });

  it('reads back, through the adapters, as the figures the world holds', () => {
    for (const shop of world.shops) {
      for (const module of INSIGHT_MODULES) {
        const body = { date_type: 2 };
        const r = ADAPTER[module].parse(call(shop, module, body)?.json, body);
        expect(r.rejections).toEqual([]);
        const fact = r.records.insights?.[0];
        expect(fact?.periodKey).toBe('last_28_days');
        const figures = insightFigures(world, shop, module, 2);
        expect(Object.keys(fact?.metrics ?? {})).toHaveLength(figures.length);
        for (const f of figures) {
          const expected = f.kind === 'money' ? money(shop.currency === 'IDR' ? `${f.value}.00` : f.value.toFixed(2), shop.currency) : f.value;
          expect(fact?.metrics[INSIGHT_METRICS[module][f.key]![0]], `${module}.${f.key}`).toEqual(expected);
        }
      }
    }
  });

  it('fault mode breaks one metric per response, so the adapters store nothing of it', () => {
    for (const module of INSIGHT_MODULES) {
      const body = { date_type: 1 };
      const r = ADAPTER[module].parse(call(us, module, body, { fault: true })?.json, body);
      expect(r.accepted).toBe(0);
      expect(r.rejections.map((x) => x.path)).toEqual([`data.core_stats.${INSIGHT_FAULTS[module]}`]);
    }
  });
});

describe('wire variants', () => {
  const ROUTE: Record<InsightModule, string> = { transaction: 'insights-transaction', sample: 'insights-sample', outreach: 'insights-outreach' };

  it.each(INSIGHT_MODULES)('%s: the figures at the top level or beside msg read as on the default', (module) => {
    const body = { date_type: 2 };
    const base = ADAPTER[module].parse(call(us, module, body)?.json, body);
    for (const variant of Object.keys(insightVariants(ROUTE[module]))) {
      const json = call(us, module, body, { variant })?.json as Json;
      if (variant.endsWith('.top-level')) expect(Object.keys(json).sort()).toEqual(['code', 'core_stats', 'message', 'period', 'update_time']);
      else expect(json).toMatchObject({ code: 0, msg: 'success', data: expect.any(Object) });
      expect(ADAPTER[module].parse(json, body)).toEqual(base);
    }
    // A page's variant is its own: another module's endpoint answers in its default form.
    const other = INSIGHT_MODULES.find((m) => m !== module)!;
    expect(call(us, other, body, { variant: `${ROUTE[module]}.top-level` })?.json).toHaveProperty('data');
  });
});
