import { render } from 'preact';
import { t, uiLanguage } from '@/adapters/i18n';
import { App } from './App';
import '@/components/theme.css';
import './style.css';

document.documentElement.lang = uiLanguage();
document.title = t('options_title') || 'Fineprint';
render(<App />, document.getElementById('app')!);
