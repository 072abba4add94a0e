// Scores quote extraction against the gold attributions of PolNeAR (research-only data, read
// from its folder, never copied into the repository):
//
//   npm run eval:quotes -- [--corpus DIR] [--split train|dev|test|all] [--json] [--errors N]
//
// What is scored (see README, "Quote extraction quality"):
// - Gold direct quotes: PolNeAR attributions that have a Source and whose Content is mostly
//   quotation: at least half of the Content's letters and digits lie inside quotation marks.
// - Span match: compared on letters and digits only (quotation marks, spaces and punctuation
//   do not count). An extracted quote matches the gold attribution whose Content holds most of
//   its letters, if that attribution holds at least half of them. A gold quote is found when the
//   quotes matched to it cover at least half of its quoted letters.
// - Source match: the text the extractor names as the speaker's mention (a name, "he",
//   "the spokesman") overlaps the gold Source span, or the resolved speaker name shares a word
//   with it. PolNeAR marks mentions, not people, so a pronoun is matched as a pronoun.
// - precision = extracted quotes with span and source matched / extracted quotes;
//   recall = gold direct quotes found with their source / gold direct quotes;
//   speakerAccuracy = of the gold direct quotes found, the share with the source matched.
// One annotation file per article (the first annotator's, by file name) for the articles
// that several annotators marked.
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { extractQuotes, type ExtractedQuote } from '../src/engine/quotes/extract.ts';
import { foldName } from '../src/engine/quotes/names.ts';

const { values } = parseArgs({
  options: {
    corpus: { type: 'string', default: path.resolve(import.meta.dirname, '../../shared/corpora/quotes-polnear') },
    split: { type: 'string', default: 'all' },
    json: { type: 'boolean', default: false },
    errors: { type: 'string' },
  },
});

const corpus = path.resolve(values.corpus!);
const splits = values.split === 'all' ? ['train', 'dev', 'test'] : [values.split!];
if (!splits.every((s) => ['train', 'dev', 'test'].includes(s))) fail('--split must be train, dev, test or all');
if (!fs.existsSync(path.join(corpus, 'data'))) fail(`no PolNeAR data under ${corpus} (expected ${path.join(corpus, 'data')}); pass --corpus DIR`);

interface Gold {
  content: Array<[number, number]>;
  source: [number, number] | null;
  sourceText: string;
  direct: boolean;
  quoted: Set<number>;
  words: Set<number>;
}

function fail(message: string): never {
  process.stderr.write(`eval-quotes: ${message}\n`);
  process.exit(2);
}

const isWordChar = (c: string): boolean => /[\p{L}\p{N}]/u.test(c);

/** Code-point offsets (PolNeAR) to UTF-16 offsets (JavaScript strings, Wirebench). */
function codePointMap(text: string): number[] {
  const map: number[] = [];
  let u = 0;
  for (const ch of text) {
    map.push(u);
    u += ch.length;
  }
  map.push(u);
  return map;
}

function wordPositions(text: string, spans: Array<[number, number]>): Set<number> {
  const set = new Set<number>();
  for (const [s, e] of spans) for (let i = s; i < e; i++) if (isWordChar(text[i]!)) set.add(i);
  return set;
}

/** Letters inside quotation marks within the spans (an unclosed mark quotes to the span's end). */
function quotedPositions(text: string, spans: Array<[number, number]>): Set<number> {
  const set = new Set<number>();
  for (const [s, e] of spans) {
    const seg = text.slice(s, e);
    const firstOpen = seg.search(/[“"«„]/u);
    const firstClose = seg.search(/[”"»]/u);
    let inside = firstClose >= 0 && (firstOpen < 0 || firstClose < firstOpen); // closes a quote opened before the span
    let straightOpen = false;
    for (let i = s; i < e; i++) {
      const c = text[i]!;
      if (c === '“' || c === '«' || c === '„') inside = true;
      else if (c === '”' || c === '»') inside = false;
      else if (c === '"') {
        straightOpen = !straightOpen;
        inside = straightOpen;
      } else if (inside && isWordChar(c)) set.add(i);
    }
  }
  return set;
}

function readGold(text: string, ann: string): Gold[] {
  const map = codePointMap(text);
  const spans = new Map<string, Array<[number, number]>>();
  for (const line of ann.split('\n')) {
    const m = /^(T\d+)\t(\S+) ([\d ;]+)\t/.exec(line);
    if (!m) continue;
    spans.set(
      m[1]!,
      m[3]!.split(';').map((part) => {
        const [a, b] = part.trim().split(' ').map(Number);
        return [map[a!]!, map[b!]!] as [number, number];
      }),
    );
  }
  const gold: Gold[] = [];
  for (const line of ann.split('\n')) {
    const m = /^E\d+\t(Attribution(?:-no-source)?):\S+(.*)$/.exec(line);
    if (!m) continue;
    const roles = [...m[2]!.matchAll(/(\w+):(T\d+)/g)];
    const content = roles.filter((r) => r[1]!.startsWith('Content')).flatMap((r) => spans.get(r[2]!) ?? []);
    const sourceSpans = roles.filter((r) => r[1] === 'Source').flatMap((r) => spans.get(r[2]!) ?? []);
    if (content.length === 0) continue;
    const source: [number, number] | null = sourceSpans.length ? [Math.min(...sourceSpans.map((s) => s[0])), Math.max(...sourceSpans.map((s) => s[1]))] : null;
    const words = wordPositions(text, content);
    const quoted = quotedPositions(text, content);
    gold.push({
      content,
      source,
      sourceText: sourceSpans.map(([a, b]) => text.slice(a, b)).join(' '),
      direct: source !== null && quoted.size > 0 && quoted.size * 2 >= words.size,
      quoted,
      words,
    });
  }
  return gold;
}

function overlapCount(a: Set<number>, b: Set<number>): number {
  let n = 0;
  for (const x of a) if (b.has(x)) n++;
  return n;
}

function sourceMatches(text: string, q: ExtractedQuote, g: Gold): boolean {
  if (!g.source) return false;
  if (q.mentionStart < g.source[1] && q.mentionEnd > g.source[0]) return true;
  if (!q.speaker.name) return false;
  const goldWords = new Set(foldName(g.sourceText).split(' ').filter((w) => w.length > 2));
  return foldName(q.speaker.name).split(' ').some((w) => w.length > 2 && goldWords.has(w));
}

interface Tally {
  articles: number;
  extracted: number;
  extractedContentMatched: number;
  extractedCorrect: number;
  goldDirect: number;
  goldFound: number;
  goldFoundWithSource: number;
}

const tally: Tally = { articles: 0, extracted: 0, extractedContentMatched: 0, extractedCorrect: 0, goldDirect: 0, goldFound: 0, goldFoundWithSource: 0 };
const byKind: Record<string, { extracted: number; correct: number }> = {};
const errorSamples: string[] = [];
const wantErrors = values.errors ? Number(values.errors) : 0;
let extractMs = 0;
let chars = 0;

for (const split of splits) {
  const textDir = path.join(corpus, 'data', split, 'text');
  const annDir = path.join(corpus, 'data', split, 'attributions');
  if (!fs.existsSync(textDir)) continue;
  const annFiles = fs.readdirSync(annDir).sort();
  for (const file of fs.readdirSync(textDir).sort()) {
    if (!file.endsWith('.txt')) continue;
    const stem = file.slice(0, -4);
    const annFile = annFiles.find((a) => a.startsWith(`${stem}_`) && a.endsWith('.ann'));
    if (!annFile) continue;
    const text = fs.readFileSync(path.join(textDir, file), 'utf8');
    const gold = readGold(text, fs.readFileSync(path.join(annDir, annFile), 'utf8'));
    const t0 = performance.now();
    const quotes = extractQuotes(text);
    extractMs += performance.now() - t0;
    chars += text.length;
    tally.articles++;

    const matchedTo = new Map<Gold, Array<{ q: ExtractedQuote; words: Set<number>; source: boolean; overlap: number }>>();
    for (const q of quotes) {
      tally.extracted++;
      const words = wordPositions(text, [[q.start, q.end]]);
      let best: Gold | null = null;
      let bestOverlap = 0;
      for (const g of gold) {
        const o = overlapCount(words, g.words);
        if (o > bestOverlap) {
          best = g;
          bestOverlap = o;
        }
      }
      const contentOk = best !== null && bestOverlap * 2 >= words.size;
      const sourceOk = contentOk && sourceMatches(text, q, best!);
      if (contentOk) {
        tally.extractedContentMatched++;
        const list = matchedTo.get(best!) ?? [];
        list.push({ q, words, source: sourceOk, overlap: bestOverlap });
        matchedTo.set(best!, list);
      }
      const k = (byKind[q.kind] ??= { extracted: 0, correct: 0 });
      k.extracted++;
      if (sourceOk) k.correct++;
      if (sourceOk) tally.extractedCorrect++;
      else if (errorSamples.length < wantErrors) {
        errorSamples.push(
          `FP ${file}: «${text.slice(q.start, Math.min(q.end, q.start + 90))}» → ${q.speaker.name ?? q.speaker.description ?? '?'} [mention "${text.slice(q.mentionStart, q.mentionEnd)}", cue ${q.cue}, ${q.kind}]` +
            (contentOk ? ` gold source "${best!.sourceText}"` : ' (no gold content)'),
        );
      }
    }
    for (const g of gold) {
      if (!g.direct) continue;
      tally.goldDirect++;
      const matches = matchedTo.get(g) ?? [];
      const covered = new Set<number>();
      for (const m of matches) for (const w of m.words) if (g.quoted.has(w)) covered.add(w);
      if (covered.size * 2 >= g.quoted.size) {
        tally.goldFound++;
        const main = matches.reduce((a, b) => (b.overlap > a.overlap ? b : a));
        if (main.source) tally.goldFoundWithSource++;
        else if (errorSamples.length < wantErrors) {
          const q = main.q;
          errorSamples.push(`SPK ${file}: «${text.slice(q.start, Math.min(q.end, q.start + 60))}» → ${q.speaker.name ?? q.speaker.description ?? '?'} [mention "${text.slice(q.mentionStart, q.mentionEnd)}", ${q.cue}, ${q.kind}] gold "${g.sourceText}"`);
        }
      } else if (errorSamples.length < wantErrors) {
        const [s, e] = [g.content[0]![0], g.content.at(-1)![1]];
        errorSamples.push(`FN${matches.length ? '(partial)' : ''} ${file}: «${text.slice(s, Math.min(e, s + 110)).replace(/\s+/g, ' ')}» ← ${g.sourceText} | ctx: ${text.slice(Math.max(0, s - 60), s).replace(/\s+/g, ' ')}⟦…⟧${text.slice(e, e + 60).replace(/\s+/g, ' ')}`);
      }
    }
  }
}

const ratio = (a: number, b: number): number => (b === 0 ? 0 : Math.round((a / b) * 10000) / 10000);
const result = {
  precision: ratio(tally.extractedCorrect, tally.extracted),
  recall: ratio(tally.goldFoundWithSource, tally.goldDirect),
  speakerAccuracy: ratio(tally.goldFoundWithSource, tally.goldFound),
  contentPrecision: ratio(tally.extractedContentMatched, tally.extracted),
  contentRecall: ratio(tally.goldFound, tally.goldDirect),
  counts: tally,
  byKind,
  splits,
  corpus,
  articlesPerSecond: Math.round(tally.articles / (extractMs / 1000)),
  megabytesPerSecond: Math.round((chars / 1e6 / (extractMs / 1000)) * 10) / 10,
};

if (values.json) {
  process.stdout.write(`${JSON.stringify(result)}\n`);
} else {
  const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;
  process.stdout.write(
    [
      `Quote extraction against PolNeAR gold attributions (${splits.join('+')}: ${tally.articles} articles, ${tally.goldDirect} gold direct quotes, ${tally.extracted} extracted)`,
      '',
      `  precision          ${pct(result.precision)}   extracted quotes whose span and source match a gold attribution`,
      `  recall             ${pct(result.recall)}   gold direct quotes found with their source`,
      `  speaker accuracy   ${pct(result.speakerAccuracy)}   of the gold direct quotes found, the source was right`,
      `  span only          precision ${pct(result.contentPrecision)}, recall ${pct(result.contentRecall)}`,
      '',
      'Matching: letters and digits only; an extracted quote matches the gold attribution whose Content holds at least half',
      'of its letters; a gold direct quote (has a Source; at least half of its Content inside quotation marks) is found when',
      'matched quotes cover at least half of its quoted letters. Source: the extracted speaker mention overlaps the gold Source',
      'span, or the resolved speaker name shares a word with it.',
      `Extraction speed: ${result.articlesPerSecond} articles/s (${result.megabytesPerSecond} MB/s of text).`,
      ...(errorSamples.length ? ['', ...errorSamples] : []),
    ].join('\n') + '\n',
  );
}
