import { describe, expect, it } from 'vitest';
import { createI18n } from '../lib/i18n';
import { findingView } from '../lib/overlay/testing';
import { annotationText, sourceText } from './annotation';

describe('annotationText', () => {
  const i18n = createI18n('en');

  it('puts the alert count first on the chip and names every finding in the accessible name', () => {
    const findings = [findingView('a|1', { title: 'Deadline near' }), findingView('b|1', { title: 'Duplicate sample' })];
    const history = { text: '3 sent · 1 posted', short: '1/3' };
    expect(annotationText({ i18n, name: '@maya', parts: [history], findings })).toEqual({
      chip: [{ text: '2 alerts', short: '2 ⚠' }, history],
      label: 'Collab Lens, @maya: 3 sent · 1 posted · 2 alerts: Deadline near; Duplicate sample',
    });
    expect(annotationText({ i18n, name: 'Order 577', parts: [], findings: findings.slice(0, 1) }).label).toBe('Collab Lens, Order 577: 1 alert: Deadline near');
    const none = { text: 'No samples sent yet', short: 'New' };
    expect(annotationText({ i18n, name: '@budi', parts: [none], findings: [] })).toEqual({
      chip: [none],
      label: 'Collab Lens, @budi: No samples sent yet',
    });
  });

  it('names the page a figure was seen on, and when', () => {
    expect(sourceText(i18n, 'https://affiliate-us.tiktok.com/product/order?shop_region=US', Date.UTC(2025, 5, 1, 12))).toMatch(/^Source: Affiliate orders, seen .+\.$/);
  });
});
