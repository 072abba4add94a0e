// Reading and parsing one file: what a parser worker does for each file it is handed. A pure
// function of the file's bytes and name (plus the column mapping), so it can run in any
// thread. It never throws: every file ends as parsed (with articles), skipped or failed,
// with a reason a user can act on.
import { hash as oneShotHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { ColumnMapping } from '../../shared/api.ts';
import { extractQuotes, withSpeakerKeys, type ExtractedQuote } from '../quotes/extract.ts';
import { keysOnto, prepareEntry, type PreparedEntry } from '../search/fts-indexer.ts';
import { contentHash } from '../store/articles.ts';
import { declaredCharset, decodeText } from './decode.ts';
import { sortableTime } from './dates.ts';
import { detectLanguage } from './language.ts';
import { HASHES, signatureOf } from './near-duplicates.ts';
import { newWordHashes, reserve, type ByteSink } from '../search/normalise.ts';
import { BINARY_EXTENSIONS, MAX_FILE_BYTES } from './formats.ts';
import { parserFor } from './parsers/index.ts';
import { ParseError, type ParsedArticle } from './parsers/types.ts';
import { describe } from './walk.ts';


export interface ParseRequest {
  path: string;
  /** The path as bytes, when it is not valid UTF-8 (`path` is then only for showing). */
  raw?: Uint8Array;
  columns?: ColumnMapping;
}

export interface ReadyArticle extends ParsedArticle {
  language: string | null;
  contentHash: string;
  /** sortableTime(published), read here once for the store and the indexers on the engine thread. */
  publishedAt: number | null;
  /** Near-duplicate signature, computed here to spare the engine thread; null when too short. */
  minhash: Int32Array | null;
  /** The search index entry (prepareEntry), computed here to spare the engine thread. */
  searchEntry: PreparedEntry;
  /** The body's quotes (extractQuotes), extracted here with their speakers' keys to spare the engine thread. */
  quotes: ExtractedQuote[];
}

export type ParseOutcome =
  | { status: 'parsed'; path: string; size: number; mtimeMs: number; hash: string; encoding: string | null; articles: ReadyArticle[] }
  | { status: 'skipped' | 'failed'; path: string; reason: string };

/** Reads a file without ever blocking on a named pipe put where a file was, and never more than the limit. */
function readFileSafely(file: string | Buffer): { bytes: Buffer; size: number; mtimeMs: number } | { problem: string; skipped?: boolean } {
  let fd: number;
  try {
    fd = fs.openSync(file, fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0));
  } catch (error) {
    return { problem: describe(error) };
  }
  try {
    const stat = fs.fstatSync(fd);
    if (!stat.isFile()) return { problem: 'not a regular file (it changed during the import)', skipped: true };
    if (stat.size > MAX_FILE_BYTES) return { problem: `too large (${Math.round(stat.size / 1048576)} MB; the limit is ${MAX_FILE_BYTES / 1048576} MB)`, skipped: true };
    const bytes = Buffer.allocUnsafe(stat.size);
    let read = 0;
    while (read < stat.size) {
      const n = fs.readSync(fd, bytes, read, stat.size - read, read);
      if (n === 0) break;
      read += n;
    }
    // A file that shrank while it was read is read as it is now; one that grew is cut at the size it had.
    return { bytes: read === stat.size ? bytes : bytes.subarray(0, read), size: stat.size, mtimeMs: stat.mtimeMs };
  } catch (error) {
    return { problem: describe(error) };
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * How long the last file parseFile read took to open and read (0 when it read none): the parser
 * worker tells from it whether the files are in the OS's cache (read-ahead.ts).
 */
export const lastRead = { ms: 0 };

/** Key hashes of the article being prepared, reused from article to article. */
const words = newWordHashes();

/**
 * The signature of the words just read, written into `sink` (four-byte aligned) with the key
 * streams, as a view of the sink's buffer like them (see onto); null when the text is too short.
 */
function signatureInto(sink: ByteSink): Int32Array | null {
  const at = (sink.length + 3) & ~3;
  const end = at + HASHES * 4;
  reserve(sink, end - sink.length);
  const sig = signatureOf(words, new Int32Array(sink.bytes.buffer, at, HASHES));
  if (sig) sink.length = end;
  return sig;
}

/**
 * Points what parseFile wrote into a sink (key streams, signatures) at `bytes`, a copy of the
 * sink's first bytes made once the sink is done with: the same offsets, in a buffer of their
 * own that can be handed to another thread.
 */
export function onto(outcome: ParseOutcome, bytes: Uint8Array): void {
  if (outcome.status !== 'parsed') return;
  for (const article of outcome.articles) {
    keysOnto(article.searchEntry, bytes);
    if (article.minhash) article.minhash = new Int32Array(bytes.buffer, article.minhash.byteOffset, article.minhash.length);
  }
}

/**
 * Reads and parses one file. With `keys`, the articles' key streams and signatures are written
 * there (prepareEntry, signatureInto), for a parser worker to send them on in one buffer; without,
 * the key streams are strings and each signature an array of its own.
 */
export async function parseFile(request: ParseRequest, keys?: ByteSink): Promise<ParseOutcome> {
  lastRead.ms = 0;
  const file = request.path;
  const name = path.basename(file);
  const parser = parserFor(name);
  if (!parser) return { status: 'skipped', path: file, reason: 'not an article format' };
  const readStart = performance.now();
  const read = readFileSafely(request.raw ? Buffer.from(request.raw) : file);
  lastRead.ms = performance.now() - readStart;
  if ('problem' in read) return { status: read.skipped ? 'skipped' : 'failed', path: file, reason: read.problem };
  if (read.bytes.length === 0) return { status: 'skipped', path: file, reason: 'empty file' };
  const ext = path.extname(name).toLowerCase();
  let encoding: string | null = null;
  let text: string | null = null;
  const input = {
    bytes: read.bytes as Uint8Array,
    fileName: name,
    columns: request.columns,
    text(): string {
      if (text !== null) return text;
      const decoded = decodeText(read.bytes, declaredCharset(read.bytes));
      if (!decoded.ok) throw new ParseError(decoded.reason);
      encoding = decoded.encoding;
      text = decoded.text;
      return text;
    },
  };
  if (!BINARY_EXTENSIONS.has(ext)) {
    try {
      if (input.text().trim() === '') return { status: 'skipped', path: file, reason: 'empty file' };
    } catch (error) {
      return { status: 'failed', path: file, reason: (error as Error).message };
    }
  }
  let parsed: ParsedArticle[];
  try {
    parsed = await parser(input);
  } catch (error) {
    // "empty: …" is a file with nothing to import, not a broken one.
    if (error instanceof ParseError) return { status: error.message.startsWith('empty') ? 'skipped' : 'failed', path: file, reason: error.message };
    if (error instanceof RangeError && /call stack/i.test(error.message)) return { status: 'failed', path: file, reason: 'too deeply nested to read' };
    return { status: 'failed', path: file, reason: `parser error: ${error instanceof Error ? error.message : String(error)}` };
  }
  const articles: ReadyArticle[] = [];
  for (const a of parsed) {
    const headline = a.headline.replace(/\s+/g, ' ').trim();
    const body = a.body.trim();
    if (!headline && !body) continue;
    // Joined, not `${headline}\n${body}`: a flat string, which the detector reads char by char
    // faster than the two-piece string a template makes (~1.5 µs of ~7 for a wire article).
    const language = a.language ?? detectLanguage([headline, body].join('\n'));
    words.n = 0;
    const publishedAt = sortableTime(a.published);
    articles.push({
      ...a,
      headline,
      body,
      language,
      contentHash: contentHash(headline, body),
      publishedAt,
      // Derived from exactly the fields the engine stores, so the indexers can take them as they are.
      searchEntry: prepareEntry({ id: 0, headline, body, published: a.published, publishedAt, place: a.place, agency: a.agency, language }, words, keys),
      // Over the words' keys, which prepareEntry has just looked up (the same as signature(article)).
      minhash: keys ? signatureInto(keys) : signatureOf(words),
      quotes: withSpeakerKeys(extractQuotes(body)),
    });
  }
  if (articles.length === 0) return { status: 'skipped', path: file, reason: 'no article found in the file' };
  // The one-shot hash: the same digest as createHash().update().digest(), without the Hash object.
  const hash = oneShotHash('sha1', read.bytes, 'hex');
  return { status: 'parsed', path: file, size: read.size, mtimeMs: read.mtimeMs, hash, encoding, articles };
}
