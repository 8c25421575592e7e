import { describe, expect, it } from 'vitest';
import type { FindingView } from '../../lib/rules/view';
import { findingPage } from './findings';

const SAMPLES = 'https://affiliate-id.tokopedia.com/affiliate/sample/sample-request?tab=10';
const PRODUCTS = 'https://affiliate-id.tokopedia.com/affiliate/collaboration/open-collaboration';

const view = (evidence: FindingView['evidence'], subject: FindingView['subject'] = 'sampleRequest'): FindingView => ({
  id: 'r|1',
  ruleId: 'r',
  subject,
  subjectKey: '1',
  shopKey: 'ID:1',
  severity: 'high',
  title: 't',
  message: 'm',
  explanation: 'e',
  firstSeenAt: 0,
  evidence,
  state: 'active',
  anchors: [],
});

describe('findingPage', () => {
  it('links to the page the subject itself was seen on, before other evidence', () => {
    expect(findingPage(view([{ entity: 'product', key: 'p', page: PRODUCTS }, { entity: 'sampleRequest', key: '1', page: SAMPLES }]))).toBe(SAMPLES);
    expect(findingPage(view([{ entity: 'product', key: 'p', page: PRODUCTS }]))).toBe(PRODUCTS);
  });

  it('never links anywhere but an Affiliate Center page over https', () => {
    for (const page of ['javascript:alert(1)', 'http://affiliate-id.tokopedia.com/x', 'https://evil.example/affiliate', 'not a url', '']) {
      expect(findingPage(view([{ entity: 'sampleRequest', key: '1', page }])), page).toBeUndefined();
    }
    expect(findingPage(view([{ entity: 'sampleRequest', key: '1', page: 'javascript:alert(1)' }, { entity: 'product', key: 'p', page: PRODUCTS }]))).toBe(PRODUCTS);
    expect(findingPage(view([]))).toBeUndefined();
  });
});
