import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { envelope, type TabState } from '@/lib/messages';

export function App() {
  const [state, setState] = useState<TabState | null>(null);
  useEffect(() => {
    void (async () => {
      const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
      if (tab?.id === undefined) return;
      setState(
        (await browser.runtime.sendMessage(
          envelope('popup→bg:get-tab-state', { tabId: tab.id }),
        )) as TabState,
      );
    })();
  }, []);
  if (!state) return <p>Loading…</p>;
  if (!state.report) return <p data-ready="true">This page is not a privacy policy or terms.</p>;
  return (
    <main data-ready="true">
      <h1>{state.report.page.title}</h1>
      <ul>
        {state.report.clauses
          .filter((c) => c.labels.length > 0)
          .map((c) => (
            <li key={c.id}>{c.text}</li>
          ))}
      </ul>
    </main>
  );
}
