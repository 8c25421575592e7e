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
  gmv: { amount: usd(250_000), orders: 10, skuOrders: 12, fromCommission: 0, settled: 5, commission: usd(30_000), refunds: usd(4_000), last: { seenAt: NOW, source: { endpoint: 'orders', page: ORDERS } } },
  // GMV $2,500 ÷ commission $300 = 8.333…; ÷ ($300 + $112 for 3 samples) = 6.0679…
  roi: { cash: 250_000 / 30_000, fullCost: 250_000 / 41_200, sampleCost: usd(11_200), samplesSent: 3, needsCost: false },
};

describe('creatorCardText', () => {
  const en = createI18n('en');

  it('shows samples, GMV and the full-cost ROI on the chip and every figure with its page, time or formula in the popover', () => {
    const { parts, figures } = creatorCardText(card, en);
    expect(parts).toEqual([
      { text: '3 sent · 2 posted', short: '2/3' },
      { text: 'GMV $2,500.00', short: 'GMV $2,500.00' },
      { text: 'Full-cost ROI 6.07×', short: 'Full-cost ROI 6.07×' },
    ]);
    expect(figures.map((f) => f.text)).toEqual([
      'Sample fulfilment rate (90 days, from TikTok): 82.5%.',
      'This shop sent 3 of the 4 sample requests Collab Lens has seen from this creator; 2 of those produced content. Counted from statuses you have viewed, not TikTok totals.',
      'Content seen for this shop’s samples: videos 2, LIVEs 1.',
      'GMV driven for this shop: $2,500.00 from 12 SKU orders in 10 orders, refunds included ($40.00 refunded). Commission paid on them (creator, agency and Shop Ads): $300.00, actual for the 5 settled SKU orders and estimated for the rest.',
      'Cash ROI: 8.33×.',
      'Sample cost: $112.00 for 3 samples sent.',
      'Full-cost ROI: 6.07×.',
    ]);
    expect(figures.map((f) => f.seen?.page)).toEqual(['https://affiliate-us.tiktok.com/connection/creator', SAMPLES, SAMPLES, ORDERS, undefined, undefined, undefined]);
    expect(figures.slice(4).map((f) => f.note)).toEqual([
      'Cash ROI = GMV ÷ commission.',
      'Sample cost = each sample sent at its SKU’s cost of goods + shipping you entered, else at your flat cost per sample.',
      'Full-cost ROI = GMV ÷ (commission + sample cost).',
    ]);
  });

  it('shows the cash ROI on the chip and says the full-cost ROI needs a cost while some sample has none', () => {
    const { parts, figures } = creatorCardText({ ...card, roi: { cash: 250_000 / 30_000, samplesSent: 3, needsCost: true } }, en);
    expect(parts.at(-1)).toEqual({ text: 'Cash ROI 8.33×', short: 'Cash ROI 8.33×' });
    expect(figures.slice(4).map((f) => f.text)).toEqual([
      'Cash ROI: 8.33×.',
      'Full-cost ROI: needs the cost of the 3 samples sent. Enter their SKU costs, or a flat cost per sample, in the options page.',
    ]);
  });

  it('puts the seller’s marks first: blocked on the chip, tags and the note in the popover', () => {
    const { parts, figures } = creatorCardText({ ...card, marks: { tags: ['vip', 'skincare'], note: 'Late twice', watch: 1, blocked: 1 } }, en);
    expect(parts[0]).toEqual({ text: 'Blocked · Watching · Tags: vip, skincare', short: 'Blocked' });
    expect(figures[0]).toEqual({ text: 'Your marks: Blocked · Watching · Tags: vip, skincare.', note: 'Your note: Late twice' });
    expect(creatorCardText({ ...card, marks: { tags: ['vip'], watch: 0, blocked: 0 } }, en).parts[0]).toEqual({ text: 'Tags: vip', short: 'Tags: vip' });
  });

  it('says what is not known yet, in Indonesian too', () => {
    const bare: CreatorCard = { handle: 'budi', samples: { seen: 0, sent: 0, withContent: 0 }, content: { videos: 0, lives: 0 } };
    expect(creatorCardText(bare, en)).toEqual({
      parts: [{ text: 'No samples sent yet', short: 'New' }],
      figures: [
        { text: 'Fulfilment rate: the creator has not shared it.' },
        { text: expect.stringContaining('This shop sent 0 of the 0'), seen: undefined },
        { text: 'No content for this shop’s samples seen yet.' },
        { text: 'No affiliate orders by this creator seen for this shop yet.' },
      ],
    });
    const id = createI18n('id');
    expect(creatorCardText(card, id).parts.map((p) => [p.text, p.short])).toEqual([
      ['3 dikirim · 2 diposting', '2/3'],
      ['GMV US$2.500,00', 'GMV US$2.500,00'],
      [`${id.t('term.fullCostRoi.name')} 6,07×`, `${id.t('term.fullCostRoi.name')} 6,07×`],
    ]);
  });
});
