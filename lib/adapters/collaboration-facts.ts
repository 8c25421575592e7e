import type { ContactChannel, InvitationCreatorState, InvitationStatus } from '../domain/types';

/** Facts of the collaboration surfaces: target invitations (`invitation_group/*`) and open collaboration. */

export interface InvitationFact {
  id: string;
  name: string;
  message?: string;
  /** The status tab the search was asked for (`invitation_group_status`); UNKNOWN for a detail or an unknown tab. */
  status: InvitationStatus;
  /** What `status` rests on: `tab:<n>`, the tab asked for; empty when nothing says it (a detail). */
  statusRaw: string;
  /** The record's own `group_status` exactly as sent: TikTok's code, whose meaning sources dispute (never mapped). */
  groupStatusRaw?: string;
  startAt?: number;
  endAt?: number;
  groupType?: string;
  freeSample?: { offered: boolean; autoApproved?: boolean };
  counts: { creators?: number; accepted?: number; posted?: number; products?: number };
  /** The contact channels the invitation shows, with their values; undefined when this response does not carry them. */
  contacts?: { channel: ContactChannel; value: string }[];
  contentPreference?: 'any' | 'video' | 'live';
}

export interface InvitationProductFact {
  invitationId: string;
  productId: string;
  targetCommissionBps?: number;
  adsCommissionBps?: number;
  openCommissionBps?: number;
  /** When the invitation's commission took effect (epoch ms), as sent. */
  commissionEffectiveAt?: number;
}

export interface InvitationCreatorFact {
  invitationId: string;
  handle: string;
  state: InvitationCreatorState;
  /** `group_creator_status` exactly as sent (0 = not yet accepted, other values not documented). */
  statusRaw: string;
  productsAdded?: number;
  contentPosted?: number;
  effectiveStatusRaw?: string;
}

/** A product in open collaboration as the open-plan list shows it. */
export interface OpenCollabFact {
  productId: string;
  collabId?: string;
  status: string;
  statusRaw: string;
  commissionBps?: number;
  /** When the current commission took effect, and when it ends (a removed product: the removal takes effect then). */
  commissionStartAt?: number;
  commissionEndAt?: number;
  showcaseCreators?: number;
  contentCreators?: number;
}

/** A product's open-collaboration commission over time, one entry per period, as the history dialog lists it. */
export interface OpenCollabCommissionsFact {
  productId: string;
  entries: { at: number; commissionBps: number; endAt?: number }[];
}

export interface CreatorApplicationFact {
  id: string;
  productId: string;
  creatorHandle: string;
  status: string;
  statusRaw: string;
  appliedAt?: number;
  commissionBps?: number;
}

declare module './types' {
  interface RecordsMap {
    invitations: InvitationFact;
    invitationProducts: InvitationProductFact;
    invitationCreators: InvitationCreatorFact;
    openCollabs: OpenCollabFact;
    openCollabCommissions: OpenCollabCommissionsFact;
    creatorApplications: CreatorApplicationFact;
  }
}
