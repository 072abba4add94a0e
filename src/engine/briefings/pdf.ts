// HTML → PDF through the system's Chromium (playwright-core drives it; no browser download).
// The desktop app prints with Electron's own printToPDF instead (src/main). Chromium is found
// at WIREBENCH_CHROMIUM or /usr/bin/chromium; without it the export fails with a clear message.
import fs from 'node:fs';
import { WbFailure } from '../errors.ts';

export function chromiumPath(): string | null {
  const candidates = [process.env.WIREBENCH_CHROMIUM, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome'];
  for (const c of candidates) if (c && fs.existsSync(c)) return c;
  return null;
}

export async function renderPdf(html: string): Promise<Uint8Array> {
  const executablePath = chromiumPath();
  if (!executablePath) {
    throw new WbFailure('unsupported', 'PDF export needs Chromium or Chrome: install it (Debian: apt install chromium) or set WIREBENCH_CHROMIUM to its path. Markdown, HTML and DOCX export work without it.');
  }
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath, headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'] });
  try {
    const page = await browser.newPage({ javaScriptEnabled: false });
    // Nothing outside the page may load: the HTML is self-contained by design.
    await page.route('**/*', (route) => (route.request().url().startsWith('data:') ? route.continue() : route.abort()));
    await page.setContent(html, { waitUntil: 'load' });
    const pdf = await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
    return new Uint8Array(pdf);
  } finally {
    await browser.close();
  }
}
