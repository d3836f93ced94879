// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { OptionsView, normaliseSiteInput } from '@/components/OptionsView';
import { createTranslator, getMessageFromCatalogue } from '@/lib/i18n';
import { DEFAULT_SETTINGS, type Settings } from '@/lib/settings';

const en = JSON.parse(readFileSync(resolve(__dirname, '../../public/_locales/en/messages.json'), 'utf8'));
const t = createTranslator(getMessageFromCatalogue(en));

describe('normaliseSiteInput', () => {
  it.each([
    ['example.com', 'example.com'],
    ['  https://WWW.Example.com/path?q=1 ', 'www.example.com'],
    ['shop.example.co.uk.', 'shop.example.co.uk'],
    ['', null],
    ['not a host!', null],
    ['javascript:alert(1)', null],
  ])('%j → %j', (input, out) => expect(normaliseSiteInput(input)).toBe(out));
});

describe('OptionsView', () => {
  let root: HTMLElement;
  let onChange: ReturnType<typeof vi.fn<(next: Settings) => void>>;
  let onDelete: ReturnType<typeof vi.fn<() => void>>;
  const show = (settings: Settings = DEFAULT_SETTINGS) =>
    act(() =>
      render(
        <OptionsView
          t={t}
          settings={settings}
          onChange={onChange}
          onExport={vi.fn()}
          onImport={vi.fn()}
          onDelete={onDelete}
        />,
        root,
      ),
    );
  beforeEach(() => {
    root = document.createElement('div');
    document.body.append(root);
    onChange = vi.fn<(next: Settings) => void>();
    onDelete = vi.fn<() => void>();
  });
  afterEach(() => {
    render(null, root);
    root.remove();
  });

  it('hides a category', () => {
    show();
    act(() => (root.querySelector('[data-show-category="arbitration"]') as HTMLInputElement).click());
    const next = onChange.mock.calls[0]![0] as Settings;
    expect(next.shownCategories).not.toContain('arbitration');
    expect(next.shownCategories).toHaveLength(DEFAULT_SETTINGS.shownCategories.length - 1);
  });

  it('turns the scheduled re-check on', () => {
    show();
    act(() => (root.querySelector('#recheck-enabled') as HTMLInputElement).click());
    expect((onChange.mock.calls[0]![0] as Settings).recheck).toEqual({ enabled: true, periodHours: 24 });
  });

  it('adds a valid site and refuses an invalid one with a message', () => {
    show();
    const input = root.querySelector('#site-input') as HTMLInputElement;
    const form = input.closest('form')!;
    act(() => {
      input.value = 'not a host!';
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
    act(() => {
      form.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
    });
    expect(onChange).not.toHaveBeenCalled();
    expect(root.querySelector('[role="alert"]')?.textContent).toContain('Enter a host name');
    act(() => {
      input.value = 'https://Bank.example/login';
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
    act(() => {
      form.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
    });
    expect((onChange.mock.calls[0]![0] as Settings).disabledSites).toEqual(['bank.example']);
  });

  it('asks for confirmation before deleting everything, and cancel does nothing', () => {
    show();
    act(() => (root.querySelector('#delete') as HTMLButtonElement).click());
    expect(root.querySelector('[role="alertdialog"]')?.textContent).toContain('cannot be undone');
    act(() => (root.querySelector('#delete-cancel') as HTMLButtonElement).click());
    expect(onDelete).not.toHaveBeenCalled();
    act(() => (root.querySelector('#delete') as HTMLButtonElement).click());
    act(() => (root.querySelector('#delete-confirm') as HTMLButtonElement).click());
    expect(onDelete).toHaveBeenCalledTimes(1);
  });
});
