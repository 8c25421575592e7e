import { roundRatio, termFormula, termName, type Term } from '../lib/creators/terms';
import type { PageI18n } from '../lib/i18n/page';
import type { CreatorCard } from '../lib/queries/creator-card';
import type { MarksView } from '../lib/queries/figures';
import type { ChipPart, Figure } from './annotation';

/** "Cash ROI = GMV ÷ commission.": a term's name and formula, the note under a figure. */
export const formulaText = (i18n: PageI18n, term: Term) => i18n.t('card.formula', { name: i18n.t(termName(term)), formula: i18n.t(termFormula(term)) });

/** The seller's marks in a few words ("Blocked · Watching · Tags: vip, skincare"), or undefined without any. */
export function marksText(marks: MarksView | undefined, i18n: PageI18n): string | undefined {
  if (!marks) return undefined;
  const parts = [
    marks.blocked ? i18n.t('marks.blocked') : undefined,
    marks.watch ? i18n.t('marks.watching') : undefined,
    marks.tags.length ? i18n.t('marks.tags', { tags: marks.tags.join(', ') }) : undefined,
  ].filter((p): p is string => p !== undefined);
  return parts.length ? parts.join(' · ') : undefined;
}

/** The marks as a figure of a popover: the marks, the note under them. */
export function marksFigure(marks: MarksView | undefined, i18n: PageI18n): Figure | undefined {
  const text = marksText(marks, i18n);
  if (!text && !marks?.note) return undefined;
  return { text: i18n.t('marks.yours', { marks: text ?? '' }), ...(marks?.note && { note: i18n.t('marks.note', { note: marks.note }) }) };
}

/**
 * What a creator's reliability card says: the short figures on its chip, and every figure with where it was seen for
 * its popover. Pure, so it is tested without a page.
 */
export function creatorCardText(card: CreatorCard, i18n: PageI18n): { parts: ChipPart[]; figures: Figure[] } {
  const { samples, content, gmv, roi } = card;
  const ratio = (r: number) => i18n.number(roundRatio(r));
  const history = { sent: samples.sent, content: samples.withContent };
  const same = (text: string): ChipPart => ({ text, short: text });
  const marks = marksText(card.marks, i18n);
  // The chip shows the full-cost ROI when it is known (it counts the samples), else the cash ROI.
  const chipRoi: [Term, number] | undefined =
    roi?.fullCost !== undefined ? ['fullCostRoi', roi.fullCost] : roi?.cash !== undefined ? ['cashRoi', roi.cash] : undefined;
  const parts: ChipPart[] = [
    ...(card.marks?.blocked ? [{ text: marks ?? '', short: i18n.t('marks.blocked') }] : marks ? [same(marks)] : []),
    samples.sent === 0
      ? { text: i18n.t('badge.noneSent'), short: i18n.t('badge.noneSentShort') }
      : { text: i18n.t('badge.history', history), short: i18n.t('badge.historyShort', history) },
    ...(gmv ? [same(i18n.t('card.gmvChip', { amount: i18n.money(gmv.amount) }))] : []),
    ...(chipRoi ? [same(i18n.t('card.roiChip', { name: i18n.t(termName(chipRoi[0])), ratio: ratio(chipRoi[1]) }))] : []),
  ];
  const mark = marksFigure(card.marks, i18n);
  const figures: Figure[] = [
    ...(mark ? [mark] : []),
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
            distinct: gmv.orders,
            refunds: i18n.money(gmv.refunds),
            commission: i18n.money(gmv.commission),
            settled: gmv.settled,
          }),
          seen: { page: gmv.last.source.page, at: gmv.last.seenAt },
          ...(gmv.fromCommission > 0 && { note: i18n.t('card.gmvFromCommission', { count: gmv.fromCommission }) }),
        }
      : { text: i18n.t('card.noOrders') },
  ];
  if (roi?.cash !== undefined) figures.push({ text: i18n.t('card.ratio', { name: i18n.t(termName('cashRoi')), ratio: ratio(roi.cash) }), note: formulaText(i18n, 'cashRoi') });
  if (roi?.sampleCost && roi.samplesSent > 0) {
    figures.push({ text: i18n.t('card.sampleCost', { name: i18n.t(termName('sampleCost')), amount: i18n.money(roi.sampleCost), count: roi.samplesSent }), note: formulaText(i18n, 'sampleCost') });
  }
  if (roi?.fullCost !== undefined) figures.push({ text: i18n.t('card.ratio', { name: i18n.t(termName('fullCostRoi')), ratio: ratio(roi.fullCost) }), note: formulaText(i18n, 'fullCostRoi') });
  else if (roi?.needsCost) figures.push({ text: i18n.t('card.fullCostNeeds', { name: i18n.t(termName('fullCostRoi')), count: roi.samplesSent }), note: formulaText(i18n, 'fullCostRoi') });
  return { parts, figures };
}
