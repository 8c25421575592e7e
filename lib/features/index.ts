import type { FeatureDeps } from '../overlay/annotations';
import type { Manager } from '../overlay/manager';
import { campaignFindings } from './campaign-findings';
import { creatorCards } from './creator-cards';
import { invitationFindings } from './invitation-findings';
import { openCollabFindings } from './open-collab-findings';
import { orderFindings } from './order-findings';
import { sampleRequestBadges } from './sample-request-badges';

/** The ordered list of page features. features.test.ts checks every file in this folder is listed here. */
export function registerFeatures(manager: Manager, deps: FeatureDeps): void {
  manager.add(sampleRequestBadges(deps));
  manager.add(creatorCards(deps));
  manager.add(invitationFindings(deps));
  manager.add(openCollabFindings(deps));
  manager.add(campaignFindings(deps));
  manager.add(orderFindings(deps));
}
