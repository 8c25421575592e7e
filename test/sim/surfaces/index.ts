/**
 * The registry of simulated Affiliate Center surfaces. Order matters: it is the left-nav order (sections appear where
 * their first entry is), and the order in which API handlers are asked. Add one import and one list entry per surface.
 */
import type { SimSurface } from '../surface';
import { home } from './home';
import { sampleRequests } from './sample-requests';
import { creatorDetail, creatorRankings, findCreators } from './creators';
import { creatorApplications, openCollaboration } from './open-collaboration';
import { targetInvitationDetail, targetInvitations } from './target-invitations';
import { orders } from './orders';
import { insightSurfaces } from './insights';
import { partnerCampaigns } from './partner-campaigns';
import { shopAccountsSurface } from './shop-accounts';

export const SURFACES: readonly SimSurface[] = [
  home,
  sampleRequests,
  findCreators, creatorRankings, creatorDetail,
  openCollaboration, creatorApplications, targetInvitations, targetInvitationDetail,
  orders,
  partnerCampaigns, ...insightSurfaces, shopAccountsSurface,
];

export function surfaceByRoute(route: string): SimSurface | undefined {
  return SURFACES.find((s) => s.route === route);
}
