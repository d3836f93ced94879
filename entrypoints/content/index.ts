import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { analyzeDocument } from '@/lib/pipeline';
import { envelope } from '@/lib/messages';

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  main() {
    const analysis = analyzeDocument(document, { url: location.href });
    if (analysis.page.kind === 'other') return;
    void browser.runtime.sendMessage(
      envelope('content→bg:page-extracted', {
        url: location.href,
        page: analysis.page,
        clauses: analysis.clauses,
      }),
    );
  },
});
