import { render } from 'preact';
import { browser } from 'wxt/browser';
import { App } from './App';
import '@/components/theme.css';
import './style.css';

document.documentElement.lang = browser.i18n.getUILanguage() || 'en';
document.title = browser.i18n.getMessage('history_page_title') || document.title;
render(<App />, document.getElementById('app')!);
