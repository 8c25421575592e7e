import type { MessageKey } from './en';

/** Bahasa Indonesia. */
export const id: Record<MessageKey, string> = {
  'page.sample-requests': 'Permintaan sampel',
  'page.home': 'Beranda Affiliate Center',
  'page.find-creators': 'Cari kreator',
  'page.creator-detail': 'Detail kreator',
  'page.creator-rankings': 'Peringkat kreator',
  'page.target-invitations': 'Kolaborasi target',
  'page.open-collaboration': 'Kolaborasi terbuka',
  'page.orders': 'Pesanan afiliasi',
  'page.partner-campaigns': 'Kampanye mitra',
  'page.insights': 'Wawasan',
  'page.other': 'Affiliate Center',

  'status.PENDING': 'Perlu ditinjau',
  'status.AWAITING_SHIPMENT': 'Siap dikirim',
  'status.SHIPPED': 'Dikirim',
  'status.CONTENT_PENDING': 'Menunggu konten',
  'status.COMPLETED': 'Selesai',
  'status.REJECT_CANCELLED': 'Ditolak',
  'status.OVERDUE_CANCELLED': 'Tinjauan kedaluwarsa',
  'status.SELLER_NOT_SHIP_CANCELLED': 'Tidak dikirim tepat waktu',
  'status.WITHDRAW_CANCELLED': 'Ditarik oleh kreator',
  'status.UNFULFILL_CANCELLED': 'Konten tidak diposting',
  'status.UNFULFILLABLE_CANCELLED': 'Tidak dapat dipenuhi',
  'status.DEL_OPEN_COLLAB': 'Kolaborasi terbuka dihapus',
  'status.OPS_CANCELLED': 'Dibatalkan oleh TikTok',
  'status.OPS_FAILED': 'Gagal (TikTok)',
  'status.OPS_COMPLETED': 'Diselesaikan oleh TikTok',
  'status.UNKNOWN': 'Status tidak dikenal',

  'badge.fulfilment': 'Pemenuhan {rate}',
  'badge.fulfilmentUnknown': 'Pemenuhan t/a',
  'badge.history': '{sent} dikirim · {content} diposting',
  'badge.noneSent': 'Belum pernah dikirimi sampel',
  'badge.left': 'sisa {time}',
  'badge.expired': 'Tinjauan terlambat',
  'badge.label': 'Collab Lens: {summary}',

  'tip.title': 'Collab Lens · @{handle}',
  'tip.fulfilment': 'Tingkat pemenuhan sampel (90 hari, dari TikTok): {rate}.',
  'tip.fulfilmentUnknown': 'Tingkat pemenuhan: kreator belum membagikannya.',
  'tip.history': 'Toko ini mengirim {sent} dari {seen} permintaan sampel kreator ini yang terlihat oleh Collab Lens; {content} di antaranya menghasilkan konten. Dihitung dari status yang Anda lihat, bukan total TikTok.',
  'tip.deadline': 'Tinjau sebelum {at} ({relative}). Perkiraan dari sisa waktu yang ditampilkan Affiliate Center.',
  'tip.source': 'Sumber: {page}, dilihat {when}.',

  'time.left': '{d}h {h}j',
  'time.leftHours': '{h}j {m}m',
  'time.leftMinutes': '{m}m',

  'popup.title': 'Collab Lens',
  'popup.empty': 'Belum ada data. Buka Affiliate Center dan kunjungi Permintaan sampel: Collab Lens membaca apa yang ditampilkan halaman, hanya di komputer ini.',
  'popup.open': 'Buka Affiliate Center',
  'popup.openUs': 'Amerika Serikat: affiliate-us.tiktok.com',
  'popup.openGlobal': 'Inggris, Eropa, Asia Tenggara, Amerika Latin: affiliate.tiktok.com',
  'popup.openId': 'Indonesia (Tokopedia): affiliate-id.tokopedia.com',
  'popup.shop': 'Toko {shop} · {region}',
  'popup.openPanel': 'Tinjau permintaan tertunda di panel samping',
  'popup.requests': 'Permintaan sampel per status',
  'popup.creators': 'Kreator terlihat',
  'popup.products': 'Produk terlihat',
  'popup.total': 'Permintaan terlihat',
  'popup.lastCaptured': 'Terakhir direkam {when} di {host}',
  'popup.local': 'Hanya disimpan di browser ini. Angka berasal dari apa yang Anda lihat di Affiliate Center.',

  'panel.title': 'Permintaan sampel untuk ditinjau',
  'panel.empty': 'Belum ada permintaan tertunda untuk toko ini. Buka Permintaan sampel → Perlu ditinjau di Affiliate Center.',
  'panel.noShop': 'Buka Affiliate Center di jendela ini untuk melihat permintaan sampel yang tertunda.',
  'panel.count': '{count} perlu ditinjau, tenggat terdekat lebih dulu',
  'panel.overdue': '{count} melewati tenggat tinjauan (kemungkinan sudah dibatalkan TikTok)',
  'panel.show': 'Tampilkan di halaman',
  'panel.notOnPage': 'Permintaan ini tidak ada di halaman yang terbuka. Buka tab Perlu ditinjau dan halaman tempat permintaan itu berada.',
  'panel.sent': '{sent} dikirim · {content} diposting (dari {seen} terlihat)',
  'panel.deadlineUnknown': 'Tenggat belum terlihat',

  'options.title': 'Pengaturan Collab Lens',
  'options.diagnostics': 'Diagnostik perekaman',
  'options.diagnosticsHint': 'Per endpoint Affiliate Center: rekaman yang disimpan, rekaman yang ditolak karena bentuknya tidak dikenali, dan di mana bentuknya berubah. Saat TikTok mengubah respons, hal itu tampil di sini lebih dulu.',
  'options.endpoint': 'Endpoint',
  'options.accepted': 'Disimpan',
  'options.rejected': 'Ditolak',
  'options.lastSeen': 'Terakhir terlihat',
  'options.failures': 'Jalur yang gagal',
  'options.noDiagnostics': 'Belum ada data.',

  // [section:orders]

  // [section:creators]

  // [section:collaborations]

  // [section:campaigns]

  // [section:samples]

  // [section:imports]

  // [section:backup]
};
