import { render } from 'preact';
import { uiLanguage } from '@/adapters/i18n';
import { App, loadFirstRound } from './App';
import '@/components/theme.css';
import './style.css';

// The requests start before anything else, the first render included (see loadFirstRound).
const first = loadFirstRound();
document.documentElement.lang = uiLanguage();
render(<App first={first} />, document.getElementById('app')!);
