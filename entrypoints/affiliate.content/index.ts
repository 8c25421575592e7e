import { defineContentScript } from '#imports';
import { AFFILIATE_MATCHES } from '../../lib/hosts';
import { startContent } from '../../lib/content/start';

export default defineContentScript({
  matches: [...AFFILIATE_MATCHES],
  runAt: 'document_start',
  main: startContent,
});
