import { findingAnnotations, type FeatureDeps } from '../overlay/annotations';
import type { Feature } from '../overlay/manager';
import { isTargetInvitations } from '../page-detect';

/**
 * Target collaboration: an invitation about to end with no creator accepted (acceptance and posting, on the
 * invitation's name; its message says the status Collab Lens reads and TikTok's own record code, as sent) and a
 * product's target commission under the benchmark of its category (on the product).
 */
export const invitationFindings = (deps: FeatureDeps): Feature =>
  findingAnnotations(deps, { id: 'invitation-findings', include: [isTargetInvitations], subjects: ['invitation', 'invitationProduct'] });

/* Test pages: test/sim (Target collaboration list and invitation details, markups `table` and `cards`); test/e2e/annotations.test.ts */
