import type { PageI18n } from '../lib/i18n/page';
import type { CreatorCard } from '../lib/queries/creator-card';
import type { ChipPart, Figure } from './annotation';

/**
 * What a creator's reliability card says: the short figures on its chip, and every figure with where it was seen for
 * its popover. Pure, so it is tested without a page.
 */
export function creatorCardText(card: CreatorCard, i18n: PageI18n): { parts: ChipPart[]; figures: Figure[] } {
  const { samples, content, gmv, roi } = card;
  const ratio = (r: number) => i18n.number(Math.round(r * 100) / 100);
  const history = { sent: samples.sent, content: samples.withContent };
  const same = (text: string): ChipPart => ({ text, short: text });
  const parts: ChipPart[] = [
    samples.sent === 0
      ? { text: i18n.t('badge.noneSent'), short: i18n.t('badge.noneSentShort') }
      : { text: i18n.t('badge.history', history), short: i18n.t('badge.historyShort', history) },
    ...(gmv ? [same(i18n.t('card.gmvChip', { amount: i18n.money(gmv.amount) }))] : []),
    ...(roi?.kind === 'value' ? [same(i18n.t('card.roiChip', { ratio: ratio(roi.ratio) }))] : []),
  ];
  const figures: Figure[] = [
    card.fulfillment
      ? {
          text: i18n.t('tip.fulfilment', { rate: i18n.percent(card.fulfillment.value) }),
          seen: { page: card.fulfillment.source.page, at: card.fulfillment.seenAt },
        }
      : { text: i18n.t('tip.fulfilmentUnknown') },
    {
      text: i18n.t('tip.history', { sent: samples.sent, seen: samples.seen, content: samples.withContent }),
      seen: samples.last && { page: samples.last.source.page, at: samples.last.seenAt },
    },
    content.last
      ? { text: i18n.t('card.content', { videos: content.videos, lives: content.lives }), seen: { page: content.last.source.page, at: content.last.seenAt } }
      : { text: i18n.t('card.noContent') },
    gmv
      ? {
          text: i18n.t('card.gmv', {
            amount: i18n.money(gmv.amount),
            orders: gmv.skuOrders,
            commission: i18n.money(gmv.commission),
            settled: gmv.settled,
          }),
          seen: { page: gmv.last.source.page, at: gmv.last.seenAt },
          ...(gmv.fromCommission > 0 && { note: i18n.t('card.gmvFromCommission', { count: gmv.fromCommission }) }),
        }
      : { text: i18n.t('card.noOrders') },
  ];
  if (roi?.kind === 'value') {
    figures.push({
      text: i18n.t('card.roi', { ratio: ratio(roi.ratio), profit: i18n.money(roi.profit), invested: i18n.money(roi.invested) }),
      note: i18n.t('card.roiHow', { when: i18n.dateTime(roi.costsUpdatedAt) }),
    });
  } else if (roi) {
    figures.push({
      text: i18n.t('card.roiMissing', { count: roi.skus }),
      ...(roi.unidentified > 0 && { note: i18n.t('card.roiUnidentified', { count: roi.unidentified }) }),
    });
  }
  return { parts, figures };
}
