import { render } from 'preact';
import { t, uiLanguage } from '@/adapters/i18n';
import { App } from './App';
import '@/components/theme.css';
import './style.css';

document.documentElement.lang = uiLanguage();
document.title = t('history_page_title') || document.title;
render(<App />, document.getElementById('app')!);
