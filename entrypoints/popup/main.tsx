import { render } from 'preact';
import { browser } from 'wxt/browser';
import { App, loadFirstRound } from './App';
import '@/components/theme.css';
import './style.css';

// The requests start before anything else, the first render included (see loadFirstRound).
const first = loadFirstRound();
document.documentElement.lang = browser.i18n.getUILanguage() || 'en';
render(<App first={first} />, document.getElementById('app')!);
