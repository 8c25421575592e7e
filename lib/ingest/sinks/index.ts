import { productsSink, skusSink } from './catalog';
import { creatorsSink } from './creators';
import { sampleRequestsSink } from './samples';
import type { Sinks } from './sink';
// [imports:orders]
import { orderSkusSink, ordersSink } from './orders';
// [imports:creators]
import { creatorDetailsSink, creatorRankingsSink, shopCreatorsSink } from './creator-marketplace';
// [imports:collaborations]
import {
  creatorApplicationsSink,
  invitationCreatorsSink,
  invitationProductsSink,
  invitationsSink,
  openCollabCommissionsSink,
  openCollabsSink,
} from './collaborations';
// [imports:campaigns]
import { campaignsSink, registrationsSink } from './campaigns';
import { insightsSink } from './insights';
import { shopAccountsSink } from './shop-accounts';
// [imports:samples]
import { sampleContentsSink } from './samples';

/** Every record kind's sink. A kind without one does not compile. */
export const SINKS: Sinks = {
  creators: creatorsSink,
  products: productsSink,
  skus: skusSink,
  sampleRequests: sampleRequestsSink,
  // [section:orders]
  orders: ordersSink,
  orderSkus: orderSkusSink,
  // [section:creators]
  creatorDetails: creatorDetailsSink,
  creatorRankings: creatorRankingsSink,
  shopCreators: shopCreatorsSink,
  // [section:collaborations]
  invitations: invitationsSink,
  invitationProducts: invitationProductsSink,
  invitationCreators: invitationCreatorsSink,
  openCollabs: openCollabsSink,
  openCollabCommissions: openCollabCommissionsSink,
  creatorApplications: creatorApplicationsSink,
  // [section:campaigns]
  campaigns: campaignsSink,
  registrations: registrationsSink,
  insights: insightsSink,
  shopAccounts: shopAccountsSink,
  // [section:samples]
  sampleContents: sampleContentsSink,
};
