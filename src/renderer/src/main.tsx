// Entry point of the window (desktop and web alike).
import '@fontsource/inter/400.css';
import '@fontsource/inter/500.css';
import '@fontsource/inter/600.css';
import '@fontsource/source-serif-4/400.css';
import '@fontsource/source-serif-4/400-italic.css';
import '@fontsource/source-serif-4/600.css';
import './styles/base.css';
import './styles/app.css';
import './styles/quotes.css';
import './styles/compare.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';
import { ErrorBoundary } from './components/error-boundary.tsx';
import { NoticeProvider } from './components/notice-area.tsx';

const root = document.getElementById('root');
if (!root) throw new Error('The page has no #root element.');

createRoot(root).render(
  <StrictMode>
    <ErrorBoundary>
      <NoticeProvider>
        <App />
      </NoticeProvider>
    </ErrorBoundary>
  </StrictMode>,
);
