import { describe, expect, it } from 'vitest';
import { createI18n } from '../lib/i18n';
import type { CreatorCard } from '../lib/queries/creator-card';
import { creatorCardText } from './creator-card';

const NOW = Date.UTC(2025, 5, 1, 12);
const ORDERS = 'https://affiliate-us.tiktok.com/product/order';
const SAMPLES = 'https://affiliate-us.tiktok.com/product/sample-request';
const usd = (minor: number) => ({ minor, currency: 'USD' });

const card: CreatorCard = {
  handle: 'maya',
  fulfillment: { value: 8250, seenAt: NOW, source: { endpoint: 'find', page: 'https://affiliate-us.tiktok.com/connection/creator' } },
  samples: { seen: 4, sent: 3, withContent: 2, last: { seenAt: NOW, source: { endpoint: 'sample', page: SAMPLES } } },
  content: { videos: 2, lives: 1, last: { seenAt: NOW, source: { endpoint: 'performance', page: SAMPLES } } },
  gmv: { amount: usd(250_000), skuOrders: 12, fromCommission: 0, settled: 5, commission: usd(30_000), last: { seenAt: NOW, source: { endpoint: 'orders', page: ORDERS } } },
  roi: { kind: 'value', ratio: 1.456, profit: usd(60_000), invested: usd(41_200), costsUpdatedAt: NOW },
};

describe('creatorCardText', () => {
  const en = createI18n('en');

  it('shows samples, GMV and ROI on the chip and every figure with its page and time in the popover', () => {
    const { parts, figures } = creatorCardText(card, en);
    expect(parts).toEqual([
      { text: '3 sent · 2 posted', short: '2/3' },
      { text: 'GMV $2,500.00', short: 'GMV $2,500.00' },
      { text: 'ROI 1.46×', short: 'ROI 1.46×' },
    ]);
    expect(figures.map((f) => f.text)).toEqual([
      'Sample fulfilment rate (90 days, from TikTok): 82.5%.',
      'This shop sent 3 of the 4 sample requests Collab Lens has seen from this creator; 2 of those produced content. Counted from statuses you have viewed, not TikTok totals.',
      'Content seen for this shop’s samples: videos 2, LIVEs 1.',
      'GMV driven for this shop: $2,500.00 from 12 SKU orders (fully returned ones left out). Commission paid on them (creator, agency and Shop Ads): $300.00, actual for the 5 settled SKU orders and estimated for the rest.',
      'Full-cost ROI: 1.46× ($600.00 profit on $412.00 spent on commission and samples).',
    ]);
    expect(figures.map((f) => f.seen?.page)).toEqual(['https://affiliate-us.tiktok.com/connection/creator', SAMPLES, SAMPLES, ORDERS, undefined]);
    expect(figures[4]?.note).toMatch(/^Computed as \(GMV − cost of goods − shipping − commission − samples\) ÷ \(commission \+ samples\)/);
  });

  it('says what is not known yet, in Indonesian too', () => {
    const bare: CreatorCard = { handle: 'budi', samples: { seen: 0, sent: 0, withContent: 0 }, content: { videos: 0, lives: 0 }, roi: { kind: 'missing-costs', skus: 2, unidentified: 0 } };
    expect(creatorCardText(bare, en)).toEqual({
      parts: [{ text: 'No samples sent yet', short: 'New' }],
      figures: [
        { text: 'Fulfilment rate: the creator has not shared it.' },
        { text: expect.stringContaining('This shop sent 0 of the 0'), seen: undefined },
        { text: 'No content for this shop’s samples seen yet.' },
        { text: 'No affiliate orders by this creator seen for this shop yet.' },
        { text: 'Full-cost ROI: enter in the options page the cost of the SKUs that have none (2) to see it.' },
      ],
    });
    expect(creatorCardText(card, createI18n('id')).parts.map((p) => [p.text, p.short])).toEqual([
      ['3 dikirim · 2 diposting', '2/3'],
      ['GMV US$2.500,00', 'GMV US$2.500,00'],
      ['ROI 1,46×', 'ROI 1,46×'],
    ]);
  });
});
