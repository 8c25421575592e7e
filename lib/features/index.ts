import type { Manager } from '../overlay/manager';
import { sampleRequestBadges, type BadgeDeps } from './sample-request-badges';

/** The ordered list of page features. features.test.ts checks every file in this folder is listed here. */
export function registerFeatures(manager: Manager, deps: BadgeDeps): void {
  manager.add(sampleRequestBadges(deps));
}
