import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { App } from './app.tsx';
import { applyLocale, createConsoleI18n, initialLocale, savedLocale } from './i18n/console-i18n.ts';
import './styles/console.css';

const locale = initialLocale(savedLocale(), navigator.languages);
const i18n = createConsoleI18n(locale);
applyLocale(i18n, locale);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <I18nextProvider i18n={i18n}>
      <App />
    </I18nextProvider>
  </StrictMode>,
);
