/** English UI strings. Every key has an Indonesian twin in id.ts (the type makes a missing one a compile error). */
export const en = {
  'page.sample-requests': 'Sample requests',
  'page.home': 'Affiliate Center home',
  'page.find-creators': 'Find creators',
  'page.creator-detail': 'Creator details',
  'page.creator-rankings': 'Creator rankings',
  'page.target-invitations': 'Target collaboration',
  'page.open-collaboration': 'Open collaboration',
  'page.orders': 'Affiliate orders',
  'page.partner-campaigns': 'Partner campaigns',
  'page.insights': 'Insights',
  'page.other': 'Affiliate Center',

  'status.PENDING': 'To review',
  'status.AWAITING_SHIPMENT': 'Ready to ship',
  'status.SHIPPED': 'Shipped',
  'status.CONTENT_PENDING': 'Content pending',
  'status.COMPLETED': 'Completed',
  'status.REJECT_CANCELLED': 'Rejected',
  'status.OVERDUE_CANCELLED': 'Review expired',
  'status.SELLER_NOT_SHIP_CANCELLED': 'Not shipped in time',
  'status.WITHDRAW_CANCELLED': 'Withdrawn by creator',
  'status.UNFULFILL_CANCELLED': 'No content posted',
  'status.UNFULFILLABLE_CANCELLED': 'Could not be fulfilled',
  'status.DEL_OPEN_COLLAB': 'Open collaboration removed',
  'status.OPS_CANCELLED': 'Cancelled by TikTok',
  'status.OPS_FAILED': 'Failed (TikTok)',
  'status.OPS_COMPLETED': 'Completed by TikTok',
  'status.UNKNOWN': 'Unrecognised status',

  'badge.fulfilment': 'Fulfil {rate}',
  'badge.fulfilmentUnknown': 'Fulfil n/a',
  'badge.history': '{sent} sent · {content} posted',
  'badge.noneSent': 'No samples sent yet',
  'badge.left': '{time} left',
  'badge.expired': 'Review overdue',
  'badge.label': 'Collab Lens: {summary}',

  'tip.title': 'Collab Lens · @{handle}',
  'tip.fulfilment': 'Sample fulfilment rate (90 days, from TikTok): {rate}.',
  'tip.fulfilmentUnknown': 'Fulfilment rate: the creator has not shared it.',
  'tip.history': 'This shop sent {sent} of the {seen} sample requests Collab Lens has seen from this creator; {content} of those produced content. Counted from statuses you have viewed, not TikTok totals.',
  'tip.deadline': 'Review by {at} ({relative}). Estimated from the time left Affiliate Center showed.',
  'tip.source': 'Source: {page}, seen {when}.',

  'time.left': '{d}d {h}h',
  'time.leftHours': '{h}h {m}m',
  'time.leftMinutes': '{m}m',

  'popup.title': 'Collab Lens',
  'popup.empty': 'Nothing captured yet. Open Affiliate Center and visit Sample requests: Collab Lens reads what the page shows, on this computer only.',
  'popup.open': 'Open Affiliate Center',
  'popup.openUs': 'United States: affiliate-us.tiktok.com',
  'popup.openGlobal': 'UK, EU, Southeast Asia, Latin America: affiliate.tiktok.com',
  'popup.openId': 'Indonesia (Tokopedia): affiliate-id.tokopedia.com',
  'popup.shop': 'Shop {shop} · {region}',
  'popup.openPanel': 'Review pending requests in the side panel',
  'popup.requests': 'Sample requests by status',
  'popup.creators': 'Creators seen',
  'popup.products': 'Products seen',
  'popup.total': 'Requests seen',
  'popup.lastCaptured': 'Last captured {when} on {host}',
  'popup.local': 'Stored in this browser only. Counts are of what you have viewed in Affiliate Center.',

  'panel.title': 'Sample requests to review',
  'panel.empty': 'No pending requests seen for this shop. Open Sample requests → To review in Affiliate Center.',
  'panel.noShop': 'Open Affiliate Center in this window to see its pending sample requests.',
  'panel.count': '{count} to review, soonest deadline first',
  'panel.overdue': '{count} past their review deadline (TikTok has probably cancelled them)',
  'panel.show': 'Show on page',
  'panel.notOnPage': 'This request is not on the page open now. Open the To review tab and the page it is on.',
  'panel.sent': '{sent} sent · {content} posted (of {seen} seen)',
  'panel.deadlineUnknown': 'Deadline not seen',

  'options.title': 'Collab Lens settings',
  'options.diagnostics': 'Capture diagnostics',
  'options.diagnosticsHint': 'Per Affiliate Center endpoint: records stored, records rejected because their shape was not understood, and where the shape broke. When TikTok changes a response, it shows here first.',
  'options.endpoint': 'Endpoint',
  'options.accepted': 'Stored',
  'options.rejected': 'Rejected',
  'options.lastSeen': 'Last seen',
  'options.failures': 'Failing paths',
  'options.noDiagnostics': 'Nothing captured yet.',

  // [section:orders]

  // [section:creators]

  // [section:collaborations]

  // [section:campaigns]

  // [section:samples]

  // [section:imports]

  // [section:backup]
} as const;

export type MessageKey = keyof typeof en;
