// One entry for every export format: the collection's briefing model rendered to bytes.
import fs from 'node:fs';
import path from 'node:path';
import type { Collection, BriefingFormat, ExportResult } from '../../shared/api.ts';
import { WbFailure } from '../errors.ts';
import { renderDocx } from './docx.ts';
import { renderHtml } from './html.ts';
import { renderMarkdown } from './markdown.ts';
import { buildBriefing, type Briefing } from './model.ts';
import { renderPdf } from './pdf.ts';

export const MIME: Record<BriefingFormat, string> = {
  md: 'text/markdown; charset=utf-8',
  html: 'text/html; charset=utf-8',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
};

const MAX_INLINE_BYTES = 8 * 1024 * 1024;

export async function renderBriefing(briefing: Briefing, format: BriefingFormat): Promise<Uint8Array> {
  switch (format) {
    case 'md':
      return new TextEncoder().encode(renderMarkdown(briefing));
    case 'html':
      return new TextEncoder().encode(renderHtml(briefing));
    case 'docx':
      return renderDocx(briefing);
    case 'pdf':
      return renderPdf(renderHtml(briefing));
  }
}

export function fileNameFor(title: string, format: BriefingFormat): string {
  const base = title.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-+|-+$/g, '').slice(0, 80) || 'briefing';
  return `${base}.${format}`;
}

export async function exportCollection(collection: Collection, format: BriefingFormat, target: string | undefined): Promise<ExportResult> {
  if (collection.itemList.length === 0) throw new WbFailure('bad_request', `The collection "${collection.name}" is empty; add quotes before exporting it.`);
  const briefing = buildBriefing(collection);
  const bytes = await renderBriefing(briefing, format);
  const fileName = fileNameFor(briefing.title, format);
  if (target === undefined) {
    if (bytes.length > MAX_INLINE_BYTES) throw new WbFailure('bad_request', 'This export is too large to send back; give a path to write it to.');
    return { format, fileName, mime: MIME[format], bytes: bytes.length, path: null, data: Buffer.from(bytes).toString('base64') };
  }
  if (!path.isAbsolute(target)) throw new WbFailure('bad_request', `The export path must be absolute: ${target}`);
  const dir = path.dirname(target);
  if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) throw new WbFailure('bad_request', `The folder ${dir} does not exist.`);
  if (fs.existsSync(target) && fs.statSync(target).isDirectory()) throw new WbFailure('bad_request', `${target} is a folder; give a file name.`);
  // Written next to the target and renamed, so a failed export never leaves half a file.
  const temp = `${target}.${process.pid}.partial`;
  try {
    fs.writeFileSync(temp, bytes);
    fs.renameSync(temp, target);
  } catch (error) {
    fs.rmSync(temp, { force: true });
    throw new WbFailure('bad_request', `Could not write ${target}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  return { format, fileName: path.basename(target), mime: MIME[format], bytes: bytes.length, path: target, data: null };
}
