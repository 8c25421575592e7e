// @vitest-environment happy-dom
import { beforeAll, describe, expect, it } from 'vitest';
import { chipOf, findingView, hostsOf, stubPopover, testDeps, TEST_NOW, TEST_SHOP, startFeature } from '../overlay/testing';
import type { CreatorFigures, RequestFigure } from '../queries/figures';
import { sampleRequestBadges } from './sample-request-badges';

beforeAll(stubPopover);

const PAGE = 'https://affiliate-us.tiktok.com/product/sample-request';
const request = (applyId: string, productId: string): RequestFigure => ({
  applyId,
  productId,
  status: 'PENDING',
  deadline: { kind: 'review', at: TEST_NOW + 3_600_000, seenAt: TEST_NOW },
  lastSeenAt: TEST_NOW,
  source: { endpoint: 'sample/group_list', page: PAGE },
});
const maya: CreatorFigures = {
  handle: 'maya',
  history: { seen: 2, sent: 0, withContent: 0 },
  requests: [request('7300000000000000001', '1720000000000000001'), request('7300000000000000002', '1720000000000000002')],
};

describe('sample-request-badges', () => {
  it('keeps one annotation per row: the badge, with the findings of the row’s request and of its creator beside it', async () => {
    document.body.innerHTML = `<table><tbody>
      <tr><td><span>@maya</span></td><td>Serum <span>ID: 1720000000000000001</span></td></tr>
      <tr><td><span>@maya</span></td><td>Cream <span>ID: 1720000000000000002</span></td></tr></tbody></table>`;
    const deadline = findingView('sample-review-deadline|7300000000000000001', { subject: 'sampleRequest', title: 'Sample request review deadline near' });
    const creator = findingView(`top-creators-not-thanked|maya|${TEST_SHOP}`, { subject: 'creator', subjectKey: 'maya', title: 'Top creators not thanked' });
    const { deps, state } = testDeps({ figures: [maya], findings: [[deadline, creator]] });
    state.record({ shops: [TEST_SHOP], handles: ['maya'] });
    const controller = new AbortController();
    await startFeature(sampleRequestBadges(deps), state, controller.signal, new URL(PAGE));

    const hosts = hostsOf('sample-badge');
    expect(hosts.map((h) => h.dataset.applyIds)).toEqual(['7300000000000000001', '7300000000000000002']);
    expect(hosts.map((h) => h.dataset.findings)).toEqual([`${deadline.id} ${creator.id}`, creator.id]);
    const [first, second] = hosts as [HTMLElement, HTMLElement];
    // The badge stays the host's one native button; the findings chip is beside it in the same annotation.
    expect(first.shadowRoot?.querySelectorAll('.cl-room button')).toHaveLength(1);
    expect(first.shadowRoot?.querySelector('.badge > button')?.getAttribute('aria-label')).toMatch(/^Collab Lens: .*1h 0m left/);
    expect(chipOf(first).getAttribute('aria-label')).toBe('Collab Lens, @maya: 2 alerts: Sample request review deadline near; Top creators not thanked');
    expect(chipOf(second).getAttribute('aria-label')).toBe('Collab Lens, @maya: 1 alert: Top creators not thanked');
    controller.abort();
  });

  it('links each badge to its creator’s page, which the background opens', async () => {
    document.body.innerHTML = `<table><tbody><tr><td><span>@maya</span></td><td>Serum <span>ID: 1720000000000000001</span></td></tr></tbody></table>`;
    const { deps, state, openCreator } = testDeps({ figures: [maya], findings: [[]] });
    state.record({ shops: [TEST_SHOP], handles: ['maya'] });
    const controller = new AbortController();
    await startFeature(sampleRequestBadges(deps), state, controller.signal, new URL(PAGE));
    const link = hostsOf('sample-badge')[0]?.shadowRoot?.querySelector<HTMLAnchorElement>('a.open');
    expect(link?.getAttribute('aria-label')).toBe('Open @maya in the Collab Lens creators view');
    expect(link?.getAttribute('href')).toBe(deps.creatorPage.url(TEST_SHOP, 'maya'));
    link?.click();
    expect(openCreator).toHaveBeenCalledWith(TEST_SHOP, 'maya');
    controller.abort();
  });

  it('shows the seller’s triage mark on the row of the marked request only', async () => {
    document.body.innerHTML = `<table><tbody>
      <tr><td><span>@maya</span></td><td>Serum <span>ID: 1720000000000000001</span></td></tr>
      <tr><td><span>@maya</span></td><td>Cream <span>ID: 1720000000000000002</span></td></tr></tbody></table>`;
    const [first, second] = maya.requests as [RequestFigure, RequestFigure];
    const marked: CreatorFigures = { ...maya, requests: [{ ...first, mark: 'reject' }, second] };
    const { deps, state } = testDeps({ figures: [marked], findings: [[]] });
    state.record({ shops: [TEST_SHOP], handles: ['maya'] });
    const controller = new AbortController();
    await startFeature(sampleRequestBadges(deps), state, controller.signal, new URL(PAGE));
    const labels = hostsOf('sample-badge').map((h) => h.shadowRoot?.querySelector('.badge > button')?.getAttribute('aria-label') ?? '');
    expect(labels[0]).toMatch(/ · Marked: reject$/);
    expect(labels[1]).not.toMatch(/Marked/);
    controller.abort();
  });

  it('shows TikTok’s own flag and predicted ROI per row, and the creator’s figures from the sample list, each labelled and sourced', async () => {
    document.body.innerHTML = `<table><tbody>
      <tr><td><span>@maya</span></td><td>Serum <span>ID: 1720000000000000001</span></td></tr>
      <tr><td><span>@maya</span></td><td>Cream <span>ID: 1720000000000000002</span></td></tr></tbody></table>`;
    const [first, second] = maya.requests as [RequestFigure, RequestFigure];
    const seen = { seenAt: TEST_NOW, source: { endpoint: 'sample.group.list', page: PAGE } };
    const figures: CreatorFigures = {
      ...maya,
      metrics: { value: { followers: 125_300, gmv: { minor: 4_825_050, currency: 'USD' }, unitsSold: 1204 }, ...seen },
      requests: [
        { ...first, tiktok: { value: { canBeApproved: true, predictedRoi: 0.3 }, ...seen } },
        { ...second, tiktok: { value: { canBeApproved: false, predictedRoi: 1.25 }, ...seen } },
      ],
    };
    const { deps, state } = testDeps({ figures: [figures], findings: [[]] });
    state.record({ shops: [TEST_SHOP], handles: ['maya'] });
    const controller = new AbortController();
    await startFeature(sampleRequestBadges(deps), state, controller.signal, new URL(PAGE));
    const [one, two] = hostsOf('sample-badge') as [HTMLElement, HTMLElement];
    const label = (h: HTMLElement) => h.shadowRoot?.querySelector('.badge > button')?.getAttribute('aria-label') ?? '';
    expect(label(one)).toMatch(/ · TikTok ROI 0\.3 · GMV \$48,250\.50$/);
    expect(label(two)).toMatch(/ · TikTok: cannot approve · GMV \$48,250\.50$/);
    const tip = (h: HTMLElement) => h.shadowRoot?.querySelector('[role="tooltip"]')?.textContent ?? '';
    expect(tip(one)).toContain('As TikTok shows the creator: 125,300 followers · GMV $48,250.50 · 1,204 items sold. Source: Sample requests, seen');
    expect(tip(one)).toContain('TikTok says this request can be approved. TikTok’s predicted ROI: 0.3 (TikTok’s own estimate, not Collab Lens’s). Source: Sample requests, seen');
    expect(tip(two)).toContain('TikTok says this request cannot be approved now. TikTok’s predicted ROI: 1.25');
    controller.abort();
  });

  it('says nothing of TikTok’s view or the creator’s figures where none was seen', async () => {
    document.body.innerHTML = `<table><tbody><tr><td><span>@maya</span></td><td>Serum <span>ID: 1720000000000000001</span></td></tr></tbody></table>`;
    const { deps, state } = testDeps({ figures: [maya], findings: [[]] });
    state.record({ shops: [TEST_SHOP], handles: ['maya'] });
    const controller = new AbortController();
    await startFeature(sampleRequestBadges(deps), state, controller.signal, new URL(PAGE));
    const host = hostsOf('sample-badge')[0] as HTMLElement;
    expect(host.shadowRoot?.querySelector('.badge > button')?.getAttribute('aria-label')).not.toMatch(/TikTok|GMV/);
    expect(host.shadowRoot?.querySelector('.figures, .tiktok-view')).toBeNull();
    controller.abort();
  });
});
