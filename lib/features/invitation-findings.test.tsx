// @vitest-environment happy-dom
import { beforeAll, describe, expect, it } from 'vitest';
import { findingView, hostsOf, stubPopover, testDeps, TEST_SHOP, startFeature } from '../overlay/testing';
import { invitationFindings } from './invitation-findings';

beforeAll(stubPopover);

const at = (path: string) => new URL(`https://affiliate-us.tiktok.com${path}`);

describe('invitation-findings', () => {
  it('runs on the target collaboration list and an invitation’s details', () => {
    const { include } = invitationFindings(testDeps().deps);
    const on = (path: string) => include.some((m) => m(at(path)));
    expect(on('/connection/target-invitation')).toBe(true);
    expect(on('/affiliate/collaboration/target-invitation/detail')).toBe(true);
    expect(on('/product/open-collaboration')).toBe(false);
  });

  it('tells apart two invitations of the same name by the id each row shows', async () => {
    document.body.innerHTML = `<table><tbody>
      <tr><td><div>Holiday gift guide</div><div>ID: 7500000000000000001</div></td></tr>
      <tr><td><div>Holiday gift guide</div><div>ID: 7500000000000000002</div></td></tr></tbody></table>`;
    const { deps, state } = testDeps({
      findings: [[findingView('invitation-expiring-unaccepted|7500000000000000002', { subject: 'invitation', anchors: ['Holiday gift guide', '7500000000000000002'] })]],
    });
    state.record({ shops: [TEST_SHOP], handles: [] });
    const controller = new AbortController();
    await startFeature(invitationFindings(deps), state, controller.signal, at('/connection/target-invitation'));
    expect(hostsOf('invitation-findings').map((h) => h.closest('tr')?.textContent)).toEqual(['Holiday gift guideID: 7500000000000000002']);
    controller.abort();
  });
});
