import { useSignal } from '@preact/signals';
import { useEffect, useMemo } from 'preact/hooks';
import { formatCostInput, parseCostInput } from '../../lib/costs/input';
import { sampleCostsFrom, sampleCostsItem } from '../../lib/costs/sample-cost';
import type { AppDB } from '../../lib/db/app-db';
import { currencyOfRegion } from '../../lib/domain/currency';
import { minorDigits, type Money } from '../../lib/domain/money';
import type { ProductCost, Shop } from '../../lib/domain/types';
import type { I18n } from '../../lib/i18n';
import { sendMessage } from '../../lib/messaging/protocol';
import { liveQuerySignal } from '../../lib/state/live-query';

/**
 * Product costs: cost of goods and shipping per SKU, in the shop's currency, for full-cost ROI and the cost of a sample,
 * and the shop's flat cost per sample for samples whose SKU has no cost. The SKUs listed are those Collab Lens has seen
 * for the shop; saving goes through the background.
 */

interface SkuRow {
  skuId: string;
  productId: string;
  product: string;
  sku?: string;
  cost?: ProductCost;
}

type Field = 'costOfGoods' | 'shipping';
type Draft = Record<string, Partial<Record<Field, string>>>;

/** The shop's flat cost per sample: one field, saved on its own (blank removes it). */
function SampleCostForm({ shop, currency, i18n }: { shop: Shop; currency: string; i18n: I18n }) {
  const { t } = i18n;
  const decimal = i18n.locale === 'id' ? ',' : '.';
  const stored = useSignal<Money | undefined>(undefined);
  const draft = useSignal<string | undefined>(undefined);
  const invalid = useSignal(false);
  const status = useSignal<{ kind: 'ok' | 'error'; text: string } | undefined>(undefined);
  useEffect(() => {
    const show = (raw: unknown) => {
      stored.value = sampleCostsFrom(raw)[shop.key];
    };
    void sampleCostsItem.getValue().then(show);
    return sampleCostsItem.watch(show);
  }, [shop.key]);
  const text = draft.value ?? formatCostInput(stored.value, decimal, minorDigits(currency));

  const save = async (event: Event) => {
    event.preventDefault();
    const parsed = parseCostInput(text, currency, decimal);
    invalid.value = !parsed.ok;
    if (!parsed.ok) {
      status.value = { kind: 'error', text: t('costs.flatInvalid') };
      return;
    }
    try {
      const ack = await sendMessage('saveSampleCost', { shopKey: shop.key, perSample: parsed.value });
      if (ack.ok) {
        draft.value = undefined;
        status.value = { kind: 'ok', text: ack.perSample ? t('costs.flatSaved', { amount: i18n.money(ack.perSample) }) : t('costs.flatCleared') };
      } else status.value = { kind: 'error', text: t('costs.failed') };
    } catch (error) {
      console.error('[collab-lens] saving the flat cost per sample failed', error);
      status.value = { kind: 'error', text: t('costs.failed') };
    }
  };

  return (
    <form onSubmit={save} noValidate data-testid="sample-cost">
      <h3>{t('costs.flatTitle')}</h3>
      <p class="muted">{t('costs.flatIntro')}</p>
      <p>
        <label for="sample-cost-input">{t('costs.flatLabel', { currency })} </label>
        <input
          id="sample-cost-input"
          type="text"
          inputMode="decimal"
          size={10}
          aria-invalid={invalid.value ? 'true' : undefined}
          aria-describedby="sample-cost-status"
          value={text}
          onInput={(e) => {
            draft.value = e.currentTarget.value;
            status.value = undefined;
          }}
        />{' '}
        <button type="submit">{t('costs.flatSave')}</button>
      </p>
      <p id="sample-cost-status" role="status" class={status.value?.kind === 'error' ? 'urgent' : undefined}>
        {status.value?.text}
      </p>
    </form>
  );
}

async function skuRows(db: AppDB, shopKey: string): Promise<SkuRow[]> {
  const products = await db.products.where('shopKey').equals(shopKey).toArray();
  const skus = await db.skus.where('productId').anyOf(products.map((p) => p.productId)).toArray();
  const costs = new Map((await db.costs.where('shopKey').equals(shopKey).toArray()).map((c) => [c.skuId, c]));
  const title = new Map(products.map((p) => [p.productId, p.title]));
  return skus
    .map((s) => ({ skuId: s.skuId, productId: s.productId, product: title.get(s.productId) ?? s.productId, sku: s.description, cost: costs.get(s.skuId) }))
    .sort((a, b) => a.product.localeCompare(b.product) || a.skuId.localeCompare(b.skuId));
}

export function CostsSection({ db, i18n }: { db: AppDB; i18n: I18n }) {
  const { t } = i18n;
  const shops = useMemo(() => liveQuerySignal(() => db.shops.orderBy('lastSeenAt').reverse().toArray()), [db]);
  const chosen = useSignal<string | undefined>(undefined);
  const shop: Shop | undefined = shops.value?.find((s) => s.key === chosen.value) ?? shops.value?.[0];
  const rows = useMemo(() => (shop ? liveQuerySignal(() => skuRows(db, shop.key)) : undefined), [db, shop?.key]);
  const draft = useSignal<Draft>({});
  const invalid = useSignal<Set<string>>(new Set());
  const status = useSignal<{ kind: 'ok' | 'error'; text: string } | undefined>(undefined);
  const decimal = i18n.locale === 'id' ? ',' : '.';
  const currency = shop && currencyOfRegion(shop.region);

  const shown = (row: SkuRow, field: Field) => draft.value[row.skuId]?.[field] ?? formatCostInput(row.cost?.[field], decimal, minorDigits(currency ?? 'USD'));

  const save = async (event: Event) => {
    event.preventDefault();
    if (!shop || !currency) return;
    const list = rows?.value ?? [];
    const changed = list.filter((r) => draft.value[r.skuId]);
    const bad = new Set<string>();
    const out: { skuId: string; productId: string; costOfGoods: Money | null; shipping: Money | null }[] = [];
    for (const r of changed) {
      const read = (field: Field) => {
        const parsed = parseCostInput(shown(r, field), currency, decimal);
        if (!parsed.ok) bad.add(`${r.skuId}:${field}`);
        return parsed.ok ? parsed.value : null;
      };
      out.push({ skuId: r.skuId, productId: r.productId, costOfGoods: read('costOfGoods'), shipping: read('shipping') });
    }
    invalid.value = bad;
    if (bad.size) {
      const first = changed.find((r) => bad.has(`${r.skuId}:costOfGoods`) || bad.has(`${r.skuId}:shipping`));
      status.value = { kind: 'error', text: t('costs.invalid', { count: bad.size, sku: first ? `${first.product} · ${first.sku ?? first.skuId}` : '' }) };
      return;
    }
    if (out.length === 0) return;
    try {
      const ack = await sendMessage('saveCosts', { shopKey: shop.key, rows: out });
      if (ack.ok) {
        draft.value = {};
        status.value = { kind: 'ok', text: t('costs.saved', { saved: i18n.number(ack.saved), cleared: i18n.number(ack.cleared) }) };
      } else status.value = { kind: 'error', text: t('costs.failed') };
    } catch (error) {
      console.error('[collab-lens] saving costs failed', error);
      status.value = { kind: 'error', text: t('costs.failed') };
    }
  };

  return (
    <section aria-labelledby="costs" data-testid="costs">
      <h2 id="costs">{t('costs.title')}</h2>
      <p class="muted">{t('costs.intro')}</p>
      {shops.value?.length === 0 && <p>{t('costs.noShops')}</p>}
      {shops.value && shops.value.length > 1 && (
        <p>
          <label for="costs-shop">{t('costs.shop')} </label>
          <select id="costs-shop" value={shop?.key} onChange={(e) => ((chosen.value = e.currentTarget.value), (draft.value = {}))}>
            {shops.value.map((s) => (
              <option key={s.key} value={s.key}>
                {s.key}
              </option>
            ))}
          </select>
        </p>
      )}
      {shop && !currency && <p class="urgent">{t('costs.noCurrency', { region: shop.region })}</p>}
      {shop && currency && <SampleCostForm key={shop.key} shop={shop} currency={currency} i18n={i18n} />}
      {shop && currency && rows?.value?.length === 0 && <p>{t('costs.noSkus')}</p>}
      {shop && currency && rows?.value && rows.value.length > 0 && (
        <form onSubmit={save} noValidate>
          <table data-testid="costs-table">
            <caption class="muted">{t('costs.caption', { currency, shop: shop.key })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('costs.product')}</th>
                <th scope="col">{t('costs.sku')}</th>
                <th scope="col">{t('costs.costOfGoods', { currency })}</th>
                <th scope="col">{t('costs.shipping', { currency })}</th>
              </tr>
            </thead>
            <tbody>
              {rows.value.map((r) => (
                <tr key={r.skuId} data-sku={r.skuId}>
                  <td>{r.product}</td>
                  <td>
                    {r.sku ?? ''} <code class="muted">{r.skuId}</code>
                  </td>
                  {(['costOfGoods', 'shipping'] as const).map((field) => (
                    <td key={field}>
                      <input
                        type="text"
                        inputMode="decimal"
                        size={10}
                        name={`${field}-${r.skuId}`}
                        aria-label={t(field === 'costOfGoods' ? 'costs.costOfGoodsFor' : 'costs.shippingFor', { product: r.product, sku: r.sku ?? r.skuId, currency })}
                        aria-invalid={invalid.value.has(`${r.skuId}:${field}`) ? 'true' : undefined}
                        value={shown(r, field)}
                        onInput={(e) => {
                          draft.value = { ...draft.value, [r.skuId]: { ...draft.value[r.skuId], [field]: e.currentTarget.value } };
                          status.value = undefined;
                        }}
                      />
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
          <p class="muted">{t('costs.hint', { example: decimal === ',' ? '12,50' : '12.50' })}</p>
          <button type="submit" class="primary">
            {t('costs.save')}
          </button>
        </form>
      )}
      <p role="status" class={status.value?.kind === 'error' ? 'urgent' : undefined} data-testid="costs-status">
        {status.value?.text}
      </p>
    </section>
  );
}
