// @vitest-environment happy-dom
import { beforeAll, describe, expect, it } from 'vitest';
import { findingView, hostsOf, stubPopover, testDeps, TEST_SHOP, startFeature } from '../overlay/testing';
import { campaignFindings } from './campaign-findings';

beforeAll(stubPopover);

const at = (path: string) => new URL(`https://affiliate-us.tiktok.com${path}`);
const CAMPAIGN = '7440000000000000001';

describe('campaign-findings', () => {
  it('runs on Partner campaigns, in both route generations', () => {
    const { include } = campaignFindings(testDeps().deps);
    const on = (path: string) => include.some((m) => m(at(path)));
    expect(on('/product/partner-campaign/partner-collabs')).toBe(true);
    expect(on('/affiliate/partner/marketplace')).toBe(true);
    expect(on('/product/order')).toBe(false);
  });

  it('puts a registration’s findings on its product row and the campaign’s on its name, one annotation each', async () => {
    document.body.innerHTML = `<h2>Payday Mega Sale Q2</h2><table><tbody>
      <tr><td><div>Serum</div><div>ID: 1720000000000000001</div></td><td>Pending review</td></tr>
      <tr><td><div>Cream</div><div>ID: 1720000000000000002</div></td><td>Rejected</td></tr></tbody></table>`;
    const { deps, state } = testDeps({
      findings: [
        [
          findingView(`campaign-registration-closing|${CAMPAIGN}`, { subject: 'campaign', anchors: ['Payday Mega Sale Q2', CAMPAIGN] }),
          findingView(`registration-rejected|${CAMPAIGN}|1720000000000000002|price`, { subject: 'registration', anchors: ['1720000000000000002', 'Payday Mega Sale Q2'] }),
          findingView(`campaign-sample-quantity|${CAMPAIGN}|1720000000000000002`, { subject: 'registration', anchors: ['1720000000000000002', 'Payday Mega Sale Q2'] }),
        ],
      ],
    });
    state.record({ shops: [TEST_SHOP], handles: [] });
    const controller = new AbortController();
    await startFeature(campaignFindings(deps), state, controller.signal, at('/product/partner-campaign/partner-collabs'));
    const hosts = hostsOf('campaign-findings');
    expect(hosts.map((h) => [h.previousElementSibling?.textContent, h.dataset.findings?.split(' ').length])).toEqual([
      ['Payday Mega Sale Q2', 1],
      ['ID: 1720000000000000002', 2],
    ]);
    controller.abort();
  });
});
