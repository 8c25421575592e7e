/**
 * The registry of simulated Affiliate Center surfaces. Order matters: it is the left-nav order (sections appear where
 * their first entry is), and the order in which API handlers are asked. Add one import and one list entry per surface.
 */
import type { SimSurface } from '../surface';
import { home } from './home';
import { sampleRequests } from './sample-requests';

export const SURFACES: readonly SimSurface[] = [
  home,
  sampleRequests,
];

export function surfaceByRoute(route: string): SimSurface | undefined {
  return SURFACES.find((s) => s.route === route);
}
