// Direct quotes and who said them, from English, Russian and Ukrainian news text. A pure,
// fast function of the text: one scan finds the quotation marks, then each quote is tied to
// a speaker by the words around it:
//
//   "…," Peskov said.  /  "…," said Peskov.  /  "…," he said.  /  «…», — заявил Песков.
//   Peskov said: "…"   /  Peskov told journalists "…"  /  По словам Пескова, «…»
//   Peskov said the talks were "not what we would like"             (a partial quote)
//   "…," she said. "…"  and a quoted paragraph after an attributed one (continuations)
//
// Quotes with no attribution cue near them (scare quotes, titles) are left out. Offsets are
// UTF-16 indices into the text, the same as the rest of the contract.
import { isWhiteSpace } from '../white-space.ts';
import { foldName, nominative } from './names.ts';

export type QuoteKind = 'direct' | 'partial' | 'continuation';

export interface ExtractedSpeaker {
  /** The name as the text gives it at its fullest in this article ("Dmitry Peskov"), or null when unnamed. */
  name: string | null;
  /** What the text says about the speaker ("Kremlin spokesman"), or null. */
  description: string | null;
}

export interface ExtractedQuote {
  /** The quoted words, without the quotation marks: text.slice(start, end). */
  start: number;
  end: number;
  kind: QuoteKind;
  speaker: ExtractedSpeaker;
  /** Where the text refers to the speaker for this quote ("Peskov", "he", "the spokesman"). */
  mentionStart: number;
  mentionEnd: number;
  /** The attribution cue ("said", "told journalists", "по словам"). */
  cue: string;
  /**
   * foldName(speaker.name), when the import's parser worker folded it (withSpeakerKeys): the
   * engine thread resolves the person by it without folding the name again.
   */
  speakerKey?: string;
}

interface Span {
  open: number; // index of the opening mark
  close: number; // index of the closing mark (or the end of the text it runs to)
  start: number; // first character inside
  end: number; // one past the last character inside
  para: number; // paragraph index where it starts
  endPara: number;
}


const MAX_QUOTE_CHARS = 6000;
const UNCLOSED_MAX_CHARS = 600;

// ---------- quotation marks ----------

// The marks that open a quotation, and for each (by char code) the marks that close it.
const QUOTE = 0x22; // "
const LEFT_DOUBLE = 0x201c; // “
const RIGHT_DOUBLE = 0x201d; // ”
const LOW_DOUBLE = 0x201e; // „
const LEFT_GUILLEMET = 0xab; // «
const RIGHT_GUILLEMET = 0xbb; // »
const LEFT_SINGLE_GUILLEMET = 0x2039; // ‹
const RIGHT_SINGLE_GUILLEMET = 0x203a; // ›
const CLOSERS = new Map<number, number[]>([
  [LEFT_DOUBLE, [RIGHT_DOUBLE, QUOTE]],
  [LOW_DOUBLE, [LEFT_DOUBLE, RIGHT_DOUBLE]],
  [LEFT_GUILLEMET, [RIGHT_GUILLEMET]],
  [QUOTE, [QUOTE]],
  [LEFT_SINGLE_GUILLEMET, [RIGHT_SINGLE_GUILLEMET]],
]);

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
/**
 * Whether a UTF-16 code unit, on its own, is a letter or digit (0 not known yet, 1 no, 2 yes):
 * the regex runs once per distinct code unit instead of once per test. On its own, as the
 * single-character test always was: half of a surrogate pair is neither.
 */
const LETTER_OR_DIGIT_UNIT = new Uint8Array(0x10000);

function isWordCode(c: number): boolean {
  let known = LETTER_OR_DIGIT_UNIT[c]!;
  if (known === 0) LETTER_OR_DIGIT_UNIT[c] = known = LETTER_OR_DIGIT.test(String.fromCharCode(c)) ? 2 : 1;
  return known === 2;
}

/** Whether text[i] is a letter or digit; false outside the text. */
function isWordCharAt(text: string, i: number): boolean {
  return i >= 0 && i < text.length && isWordCode(text.charCodeAt(i));
}

const LETTER = /\p{L}/u;
/** The same for letters alone, for code units outside the surrogates. */
const LETTER_UNIT = new Uint8Array(0x10000);

function isLetterCode(c: number): boolean {
  let known = LETTER_UNIT[c]!;
  if (known === 0) LETTER_UNIT[c] = known = LETTER.test(String.fromCharCode(c)) ? 2 : 1;
  return known === 2;
}

const isHighSurrogate = (c: number): boolean => c >= 0xd800 && c <= 0xdbff;
const isLowSurrogate = (c: number): boolean => c >= 0xdc00 && c <= 0xdfff;

/** How many code units the letter at text[i] takes (2 for an astral one), as /\p{L}/u reads code points; 0 when it is no letter. */
function letterLength(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (!isHighSurrogate(c) && !isLowSurrogate(c)) return isLetterCode(c) ? 1 : 0;
  if (isHighSurrogate(c) && i + 1 < text.length && isLowSurrogate(text.charCodeAt(i + 1))) return LETTER.test(text.slice(i, i + 2)) ? 2 : 0;
  return 0; // a lone surrogate
}

function isWordChar(c: string | undefined): boolean {
  return c !== undefined && LETTER_OR_DIGIT.test(c);
}

/**
 * Paragraph boundaries: a blank line, or a line break in text that has no blank lines. A
 * paragraph starts after a line break, spaces or tabs, a line break and any white space (or,
 * in text without blank lines, after a line break and any white space), as the regexes this
 * replaced found them; found with indexOf and a short scan, as this runs for every article.
 */
function paragraphs(text: string): number[] {
  const starts = [0];
  const n = text.length;
  for (let nl = text.indexOf('\n'); nl >= 0; ) {
    let j = nl + 1;
    while (j < n && (text.charCodeAt(j) === 32 || text.charCodeAt(j) === 9)) j++;
    if (j < n && text.charCodeAt(j) === 10) {
      j = skipWhiteSpace(text, j + 1);
      starts.push(j);
      nl = text.indexOf('\n', j);
    } else nl = text.indexOf('\n', nl + 1);
  }
  if (starts.length === 1) {
    for (let nl = text.indexOf('\n'); nl >= 0; nl = text.indexOf('\n', nl)) {
      nl = skipWhiteSpace(text, nl + 1);
      starts.push(nl);
    }
  }
  return starts;
}

function skipWhiteSpace(text: string, i: number): number {
  while (i < text.length && isWhiteSpace(text.charCodeAt(i))) i++;
  return i;
}

function paraIndex(starts: number[], pos: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= pos) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Top-level quotation spans. A quote left open at a paragraph end goes on when the next paragraph opens with the same mark. */
function findQuotes(text: string, paraStarts: number[]): Span[] {
  const spans: Span[] = [];
  const n = text.length;
  let i = 0;
  const opener = /["“„«‹]/g;
  while (i < n) {
    // Jump to the next opening mark; most of the text has none.
    opener.lastIndex = i;
    const next = opener.exec(text);
    if (!next) break;
    i = next.index;
    // By char code: this loop reads every character inside every quotation.
    const c = text.charCodeAt(i);
    const closers = CLOSERS.get(c)!;
    const closer1 = closers[0]!;
    const closer2 = closers.length > 1 ? closers[1]! : closer1;
    // A straight quote opens only at the start of a word (not after a letter: 5" or it"s).
    if (c === QUOTE && isWordCharAt(text, i - 1)) {
      i++;
      continue;
    }
    const open = i;
    let para = paraIndex(paraStarts, i);
    let paraEnd = para + 1 < paraStarts.length ? paraStarts[para + 1]! : n;
    let j = i + 1;
    let nested = 0;
    let close = -1;
    while (j < n && j - open < MAX_QUOTE_CHARS) {
      const d = text.charCodeAt(j);
      if (j >= paraEnd) {
        // Paragraph ended inside the quote: continue only if the next one opens with the same mark.
        if (d === c || (c === LEFT_DOUBLE && d === QUOTE) || (c === QUOTE && d === LEFT_DOUBLE)) {
          para++;
          paraEnd = para + 1 < paraStarts.length ? paraStarts[para + 1]! : n;
          j++;
          continue;
        }
        break;
      }
      if (c === LEFT_GUILLEMET && d === LEFT_GUILLEMET) nested++;
      else if (d === closer1 || d === closer2) {
        if (c === LEFT_GUILLEMET && nested > 0) nested--;
        // A straight quote closes only where a word ends (not "…"word).
        else if (!(d === QUOTE && c === QUOTE && isWordCharAt(text, j + 1) && !isWordCharAt(text, j - 1))) {
          close = j;
          break;
        }
      } else if (c === LOW_DOUBLE && d === LOW_DOUBLE) nested++;
      j++;
    }
    if (close < 0) {
      // Unclosed: the quote runs to the end of its paragraph (sloppy copy), if it is short of a whole article.
      close = Math.min(j, paraEnd);
      while (close > open + 1 && isWhiteSpace(text.charCodeAt(close - 1))) close--;
      // A long unclosed quote is more likely a stray mark than a quotation.
      if (close - open < 3 || close - open > UNCLOSED_MAX_CHARS) {
        i++;
        continue;
      }
    }
    let start = open + 1;
    let end = close;
    while (start < end && isWhiteSpace(text.charCodeAt(start))) start++;
    // The comma of "…," Peskov said belongs to the sentence around the quote, not to the quote.
    while (end > start && (isWhiteSpace(text.charCodeAt(end - 1)) || text.charCodeAt(end - 1) === 0x2c)) end--;
    if (end > start && /[\p{L}\p{N}]/u.test(text.slice(start, end))) {
      spans.push({ open, close, start, end, para: paraIndex(paraStarts, open), endPara: paraIndex(paraStarts, Math.max(open, close - 1)) });
    }
    i = close + 1;
  }
  return spans;
}

// ---------- vocabulary ----------

const EN_CUES = [
  'said', 'says', 'say', 'told', 'tells', 'added', 'adds', 'stressed', 'stresses', 'noted', 'notes', 'explained', 'explains',
  'asked', 'asks', 'replied', 'responded', 'continued', 'wrote', 'writes', 'tweeted', 'declared', 'insisted', 'insists',
  'argued', 'argues', 'warned', 'warns', 'claimed', 'claims', 'announced', 'stated', 'recalled', 'remarked', 'acknowledged',
  'admitted', 'conceded', 'suggested', 'predicted', 'joked', 'quipped', 'complained', 'countered', 'emphasized',
  'emphasised', 'urged', 'shouted', 'yelled', 'observed', 'cautioned', 'vowed', 'promised', 'contended', 'maintained',
  'boasted', 'exclaimed', 'whispered', 'concluded', 'mused', 'posted', 'wondered', 'agreed', 'confirmed', 'charged',
  'cried', 'repeated', 'pleaded', 'protested', 'objected', 'thundered', 'scoffed', 'lamented', 'reiterated', 'assured',
  'declares', 'tweets', 'recalls', 'continues', 'testified', 'interjected', 'announces', 'offered', 'snapped', 'retorted',
  'chimed', 'proclaimed', 'bragged', 'stated', 'marvelled', 'marveled', 'remembered', 'reported', 'pointed out',
  'went on', 'spoke', 'beamed', 'lamented', 'contends', 'alleged', 'statement', 'replies', 'answered', 'chanted',
  'called', 'calling', 'described', 'describes', 'describing', 'dubbed', 'decried', 'labeled', 'labelled', 'branded',
  'declaring', 'saying', 'telling', 'adding', 'writing', 'noting', 'arguing', 'insisting', 'warning', 'explaining',
  'asking', 'claiming', 'stating', 'speaking', 'referring', 'tweeting', 'promising', 'vowing', 'urging', 'pledging',
  'concludes', 'stresses', 'explains', 'argues', 'warns', 'insists', 'mocks', 'reads', 'read', 'pressed', 'barked',
  'jokes', 'quips', 'counters', 'replies', 'responds', 'observes', 'remarks', 'admits', 'acknowledges', 'agrees',
  'laments', 'cautions', 'predicts', 'suggests', 'declares', 'boasts', 'exclaims', 'muses', 'wonders', 'posts',
  'decried', 'decries', 'pledged', 'pledges', 'vows', 'promises', 'touted', 'touts', 'blasted', 'blasts', 'slammed',
  'slams', 'praised', 'praises', 'criticized', 'criticised', 'criticizes', 'denounced', 'denounces', 'accused', 'accuses',
  'mocked', 'ridiculed', 'lambasted', 'labels', 'dubs', 'calls', 'describes', 'dismissed', 'dismissing', 'accusing',
  'blasting', 'slamming', 'praising', 'criticizing', 'denouncing', 'mocking', 'touting', 'dubbing', 'labeling', 'branding',
  'chanting', 'shouting', 'yelling', 'joking', 'quipping', 'recalling', 'stressing', 'emphasizing', 'insisted', 'assured',
  'sang', 'chanted', 'yelled', 'shouted', 'wrote', 'tweeted', 'greeted', 'thanked', 'mouthing', 'mouthed',
];
// Participles take their speaker from the sentence's subject: "Trump went after Bush, calling him “a loser”".
const PARTICIPLE_CUES = new Set(EN_CUES.filter((c) => c.endsWith('ing')));
// Cues after which the speaker may follow: "“…,” said Peskov", "«…», — заявил Песков".
const INVERSION_CUES = new Set([
  'said', 'says', 'added', 'adds', 'asked', 'asks', 'wrote', 'writes', 'continued', 'explained', 'noted', 'stressed',
  'replied', 'responded', 'recalled', 'warned', 'declared', 'insisted', 'argued', 'remarked', 'observed', 'beamed',
  'joked', 'quipped', 'countered', 'exclaimed', 'cried', 'shouted', 'yelled', 'admitted', 'concluded', 'agreed',
  'explains', 'recalls', 'continues', 'notes', 'adds', 'answered', 'lamented', 'marveled', 'marvelled', 'tweeted', 'posted',
  'concludes', 'stresses', 'argues', 'warns', 'insists', 'mocks', 'reads', 'read', 'pressed', 'barked', 'jokes', 'quips',
  'counters', 'replies', 'responds', 'observes', 'remarks', 'admits', 'agrees', 'laments', 'cautions', 'declares', 'boasts',
  'exclaims', 'muses', 'wonders', 'snapped', 'retorted',
]);
const RU_CUES = [
  'заявил', 'заявила', 'заявили', 'заявляет', 'сказал', 'сказала', 'сказали', 'говорит', 'отметил', 'отметила', 'отметили',
  'подчеркнул', 'подчеркнула', 'подчеркнули', 'добавил', 'добавила', 'добавили', 'сообщил', 'сообщила', 'сообщили',
  'пояснил', 'пояснила', 'указал', 'указала', 'уточнил', 'уточнила', 'рассказал', 'рассказала', 'заметил', 'заметила',
  'написал', 'написала', 'признал', 'признала', 'считает', 'полагает', 'отмечает', 'подчеркивает', 'подчёркивает',
  'констатировал', 'констатировала', 'заверил', 'заверила', 'предупредил', 'предупредила', 'ответил', 'ответила',
  'цитирует', 'продолжил', 'продолжила', 'резюмировал', 'резюмировала',
  // Ukrainian
  'заявив', 'заявила', 'сказав', 'зазначив', 'зазначила', 'наголосив', 'наголосила', 'додав', 'додала', 'повідомив',
  'повідомила', 'пояснив', 'пояснила', 'підкреслив', 'підкреслила', 'розповів', 'розповіла', 'написав', 'написала',
  'каже', 'відповів', 'відповіла',
];
const CUE_WORDS = new Set([...EN_CUES.filter((c) => !c.includes(' ')), ...RU_CUES]);
for (const c of RU_CUES) INVERSION_CUES.add(c);
const EN_PHRASE_CUES = ['pointed out', 'went on'];
// Cues that name the speaker after them in the genitive or as an object: "according to Peskov", "по словам Пескова".
const ACCORDING = /(?:^|[\s(,—–-])(according to|in the words of|as (?:\S+ ){0,14}?(?:put|puts) it|по словам|по мнению|за словами|на думку)\s+/giu;

const ROLE_NOUNS = new Set(['spokesman', 'spokeswoman', 'spokesperson', 'secretary', 'minister', 'president', 'premier', 'chancellor', 'ambassador', 'envoy', 'negotiator', 'senator', 'governor', 'mayor', 'candidate', 'chairman', 'chairwoman', 'chief', 'official', 'diplomat']);
const PRONOUNS = new Set(['he', 'she', 'they', 'we', 'i', 'он', 'она', 'они', 'мы', 'я', 'він', 'вона', 'вони', 'ми']);
const POSSESSIVE_PRONOUNS = new Set(['his', 'her', 'their', 'его', 'её', 'ее', 'их', 'його', 'її', 'їх']);

// Capitalised words that are not (parts of) person names.
const NOT_NAMES = new Set(
  `the a an and but or in on at of for to from by with as it this that these those there here then when while after before
  monday tuesday wednesday thursday friday saturday sunday january february march april may june july august september
  october november december mr mrs ms miss dr sen senator rep representative gov governor gen general lt col sgt capt
  prof rev president vice secretary minister prime chairman chairwoman chair spokesman spokeswoman spokesperson
  speaker leader mayor judge justice ambassador director chief head deputy former then-president first lady sir
  russian russia ukraine ukrainian kremlin american u.s. us usa uk u.k. british european eu nato un u.n. white house
  republican republicans democrat democrats democratic gop congress senate state department pentagon foreign
  ministry moscow kyiv kiev washington london beijing china chinese france french germany german
  sunday's monday's he she they we i it why what how now so yes no well still also even just if who where which
  asked speaking although though because unlike like including according four five six seven eight nine ten some many
  both several most all every each one two three while during instead meanwhile indeed perhaps maybe later earlier
  given see continuing moments soon leaning following responding referring addressing writing noting adding pointing
  looking turning calling describing reflecting explaining commenting defending discussing arab arabs jewish
  new york california texas florida ohio iowa nevada kentucky virginia carolina north south east west hampshire
  jersey michigan wisconsin pennsylvania illinois georgia arizona colorado alabama indiana missouri tennessee
  louisiana oklahoma utah oregon minnesota maryland massachusetts connecticut kansas nebraska arkansas mississippi
  montana wyoming idaho dakota vermont maine delaware alaska hawaii island washington chicago houston miami
  philadelphia boston detroit cleveland atlanta dallas denver angeles los san francisco las vegas orlando
  america britain england scotland israel iran iraq syria libya turkey mexico canada japan korea india europe
  mexican syrian israeli iranian islamic muslim christian catholic african asian latino hispanic
  россии россия украины украина рф мид кремля кремль сша оон нато ес президент президента глава главы министр
  министра пресс-секретарь представитель замглавы заместитель премьер-министр спикер лидер
  україни україна мзс президента`
    .split(/\s+/)
    .filter(Boolean),
);
const HONORIFICS = /^(?:Mr|Mrs|Ms|Miss|Dr|Sen|Rep|Gov|Gen|Lt|Col|Sgt|Capt|Prof|Rev|Sir|Dame|Lord|Lady|St)\.?$/u;
const PARTICLES = new Set(['de', 'van', 'von', 'der', 'den', 'bin', 'al', 'da', 'di', 'la', 'le', 'du', 'del', 'dos', 'ibn', 'ben']);
const ABBREVIATIONS = new Set(
  'mr mrs ms dr sen rep gov gen lt col sgt capt prof rev st jr sr inc co corp ltd vs no jan feb aug sept oct nov dec calif fla va ill mass pa wash tex ariz ga mich minn wis mo md conn ore tenn ky ala la okla colo nev ind iowa u.s u.k u.n d.c a.m p.m e.g i.e г гг им т.е см др'.split(
    ' ',
  ),
);

// ---------- small text helpers ----------

interface Word {
  text: string;
  start: number;
  end: number;
}

const WORD = /[\p{L}\p{N}][\p{L}\p{N}'’.-]*/gu;

function words(text: string, from: number, to: number): Word[] {
  const out: Word[] = [];
  WORD.lastIndex = from;
  for (let m = WORD.exec(text); m && m.index < to; m = WORD.exec(text)) {
    let w = m[0];
    let end = m.index + w.length;
    if (end > to) {
      w = w.slice(0, to - m.index);
      end = to;
    }
    // A trailing full stop belongs to the word only for abbreviations and initials.
    if (w.endsWith('.') && !ABBREVIATIONS.has(w.slice(0, -1).toLowerCase()) && !/^\p{Lu}\.$/u.test(w) && !/\.\p{L}\.$/u.test(w)) {
      w = w.slice(0, -1);
      end--;
    }
    out.push({ text: w, start: m.index, end });
  }
  return out;
}

const isCapitalised = (w: string): boolean => /^\p{Lu}/u.test(w);

/** Where the sentence holding `pos` starts, not before `floor`. */
function sentenceStart(text: string, pos: number, floor: number): number {
  for (let i = pos - 1; i > floor; i--) {
    const c = text.charCodeAt(i);
    // . ! ? followed by white space (or the end of the text)
    if ((c === 46 || c === 33 || c === 63) && isWhiteSpace(i + 1 < text.length ? text.charCodeAt(i + 1) : 32)) {
      if (c === 46 && isAbbreviationEnd(text, i)) continue;
      return i + 1;
    }
    if (c === 10) return i + 1;
  }
  return floor;
}

/** Where the sentence holding `pos` ends (exclusive), not after `ceiling`. */
function sentenceEnd(text: string, pos: number, ceiling: number): number {
  // By char code: it scans most of an article's quoted sentences, for every article imported.
  for (let i = pos; i < ceiling; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) return i;
    // . ! ? ; followed by white space, a closing quote (" ” ») or the end of the text
    if (c === 46 || c === 33 || c === 63 || c === 59) {
      const next = i + 1 < text.length ? text.charCodeAt(i + 1) : 32;
      if (!(isWhiteSpace(next) || next === 34 || next === 0x201d || next === 0xbb)) continue;
      if (c === 46 && isAbbreviationEnd(text, i)) continue;
      return i;
    }
  }
  return ceiling;
}

function isAbbreviationEnd(text: string, dot: number): boolean {
  let s = dot;
  while (s > 0 && /[\p{L}.]/u.test(text[s - 1]!)) s--;
  const word = text.slice(s, dot).toLowerCase();
  if (word.length === 1 && /\p{Lu}/u.test(text[s]!)) return true; // an initial: "J. Smith"
  return ABBREVIATIONS.has(word);
}

// ---------- speakers ----------

interface SpeakerPhrase {
  speaker: ExtractedSpeaker;
  mentionStart: number;
  mentionEnd: number;
  /** A pronoun ("he", "his") to be resolved to an earlier named speaker. */
  pronoun: boolean;
}

/** Runs of capitalised words that could be a person's name, with honorifics dropped. */
function nameRuns(ws: Word[]): Word[][] {
  const runs: Word[][] = [];
  let run: Word[] = [];
  const flush = (): void => {
    while (run.length && (NOT_NAMES.has(run[0]!.text.toLowerCase()) || HONORIFICS.test(run[0]!.text))) run.shift();
    while (run.length && (NOT_NAMES.has(run.at(-1)!.text.toLowerCase()) || PARTICLES.has(run.at(-1)!.text))) run.pop();
    if (run.length) runs.push(run);
    run = [];
  };
  for (let k = 0; k < ws.length; k++) {
    const w = ws[k]!;
    const lower = w.text.toLowerCase();
    const gap = k > 0 ? ws[k - 1]!.end : w.start;
    const adjacent = run.length === 0 || /^\s+$/.test(textCache.slice(gap, w.start));
    // "(R-Texas)" party tags and "Orlando-based" are not names.
    if (/^[RDI]-\p{Lu}/u.test(w.text) || /-based$/i.test(w.text)) {
      flush();
      continue;
    }
    const upperish = isCapitalised(w.text) && !/^\p{Lu}{2,}$/u.test(w.text.replace(/[.-]/g, '')) ? true : /^\p{Lu}\.$/u.test(w.text);
    if (upperish && !NOT_NAMES.has(lower.replace(/['’]s$/, '')) && adjacent && !/['’]s$/u.test(w.text)) run.push(w);
    else if (run.length && PARTICLES.has(w.text) && adjacent) run.push(w);
    else {
      flush();
      if (upperish && !NOT_NAMES.has(lower) && !/['’]s$/u.test(w.text)) run.push(w);
    }
  }
  flush();
  return runs.map((r) => (r.length > 3 ? r.slice(-3) : r));
}

// The words() helper needs the text for gaps; set per extraction (single-threaded, synchronous).
let textCache = '';

/**
 * Reads who is speaking from a noun phrase next to a cue. `nearEnd` says which end of the
 * phrase touches the cue, so the name nearest the cue is chosen ("Trump's campaign manager
 * Corey Lewandowski said", "said Dmitry Peskov, the Kremlin spokesman").
 */
function speakerFromPhrase(text: string, from: number, to: number, nearEnd: boolean, genitive: boolean, subject = false): SpeakerPhrase | null {
  // Trim to the phrase itself: no punctuation or conjunctions at the edges.
  const raw = text.slice(from, to);
  let s = from + (raw.length - raw.trimStart().length);
  let e = from + raw.trimEnd().length;
  const endsWithComma = /,\s*$/.test(raw);
  while (e > s && /[,;:—–-]/.test(text[e - 1]!)) e--;
  while (e > s && /\s/.test(text[e - 1]!)) e--;
  if (e <= s) return null;
  let ws = words(text, s, e);
  if (ws.length === 0 || (ws.length > 24 && !subject)) return null;
  while (ws.length && /^(?:and|but|so|then|и|а|но|і|та|however)$/iu.test(ws[0]!.text)) ws.shift();
  if (ws.length === 0) return null;
  const first = ws[0]!.text.toLowerCase();
  if ((ws.length === 1 || subject) && PRONOUNS.has(first)) {
    return { speaker: { name: null, description: null }, mentionStart: ws[0]!.start, mentionEnd: ws[0]!.end, pronoun: true };
  }
  if (ws.length <= 2 && POSSESSIVE_PRONOUNS.has(first)) {
    return { speaker: { name: null, description: null }, mentionStart: ws[0]!.start, mentionEnd: ws[0]!.end, pronoun: true };
  }
  // "Dmitry Peskov, the Kremlin spokesman, said": an appositive after the name.
  const runsAll = nameRuns(ws);
  const lead = runsAll[0];
  const appositive = nearEnd && endsWithComma && lead !== undefined && lead[0] === ws[0] && text[lead.at(-1)!.end] === ',';
  if (nearEnd && !appositive) {
    // "…which Senate bill that Gov. Chris Christie said": the subject starts after the last clause word.
    let cut = -1;
    ws.forEach((w, k) => {
      if (/^(?:that|which|who|whom|whose|when|where|because|if|than|is|are|was|were|has|have|had|will|would|что|который|которая|которые|який|яка)$/iu.test(w.text)) cut = k;
    });
    if (cut >= 0) ws = ws.slice(cut + 1);
    if (ws.length === 0) return null;
    if (ws.length === 1 && PRONOUNS.has(ws[0]!.text.toLowerCase())) {
      return { speaker: { name: null, description: null }, mentionStart: ws[0]!.start, mentionEnd: ws[0]!.end, pronoun: true };
    }
  }
  s = ws[0]!.start;
  const runs = appositive ? runsAll : nameRuns(ws);
  const run = appositive ? lead : subject ? (runs[0] && runs[0][0] === ws[0] ? runs[0] : undefined) : nearEnd ? runs.at(-1) : runs[0];
  if (run) {
    let name = text.slice(run[0]!.start, run.at(-1)!.end);
    if (genitive) name = nominative(name);
    const before = text.slice(s, run[0]!.start).replace(/^[\s,(—–-]+|[\s,(—–-]+$/g, '');
    const after = text.slice(run.at(-1)!.end, e).replace(/^[\s,(—–-]+|[\s,)—–-]+$/g, '').replace(/^(?:who|which|the|a|an)\s+/i, '');
    const rest = subject ? before : appositive || !nearEnd ? after : before || after;
    const description = rest && rest.length <= 120 && /\p{Ll}/u.test(rest) && !/^\(/.test(rest) ? rest.replace(/^(?:the|a|an)\s+/i, '').replace(/\s+/g, ' ') : null;
    return { speaker: { name, description }, mentionStart: run[0]!.start, mentionEnd: run.at(-1)!.end, pronoun: false };
  }
  if (subject) return null;
  // Unnamed: "the spokesman", "a senior official", "officials". Must look like a noun phrase.
  if (ws.length > 8) return null;
  if (!/^(?:the|a|an|one|another|some|two|three|several|many|officials?|sources?|his|her|their|представитель|источник|эксперты?)$/iu.test(ws[0]!.text) && ws.length > 1) return null;
  if (ws.some((w) => /ly$/.test(w.text) || /^(?:sometimes|currently|also|just|not)$/i.test(w.text))) return null;
  if (ws.length === 1 && !/^\p{Ll}{3,}s$/u.test(ws[0]!.text) && !/^(?:officials?|sources?|представитель|источник|эксперты)$/iu.test(ws[0]!.text)) return null;
  const description = text.slice(s, e).replace(/\s+/g, ' ');
  return { speaker: { name: null, description }, mentionStart: s, mentionEnd: e, pronoun: false };
}

// ---------- attribution around a quote ----------

/** No cue is longer: lower-casing never makes a word shorter (the tests check every code point). */
const LONGEST_CUE = Math.max(...[...CUE_WORDS].map((w) => w.length));

/**
 * Finds a cue word in text[from, to); returns the first (or last) one. The words are the runs
 * /[\p{L}]+/gu finds from `from` (inside a surrogate pair it backs up to the pair), read by char
 * code: only a run short enough to be a cue is cut out and lower-cased.
 */
function findCue(text: string, from: number, to: number, last: boolean): { word: string; start: number; end: number } | null {
  let found: { word: string; start: number; end: number } | null = null;
  const n = text.length;
  let i = from;
  if (i > 0 && i < n && isLowSurrogate(text.charCodeAt(i)) && isHighSurrogate(text.charCodeAt(i - 1))) i--;
  for (;;) {
    let length = 0;
    while (i < to && i < n && (length = letterLength(text, i)) === 0) i++;
    if (i >= n || i >= to) return found;
    const start = i;
    for (i += length; i < n && (length = letterLength(text, i)) > 0; ) i += length;
    if (i - start > LONGEST_CUE) continue;
    const w = text.slice(start, i).toLowerCase();
    let hit: string | null = CUE_WORDS.has(w) ? w : null;
    if (!hit && (w === 'pointed' || w === 'went')) {
      const rest = text.slice(start, start + 12).toLowerCase();
      hit = EN_PHRASE_CUES.find((p) => rest.startsWith(p)) ?? null;
    }
    if (hit && i <= to) {
      found = { word: hit, start, end: i };
      if (!last) return found;
    }
  }
}

/** After the closing mark: `, Peskov said` / `, said Peskov, the spokesman` / `», — заявил он`. */
function attributionAfter(text: string, q: Span, limit: number): (SpeakerPhrase & { cue: string }) | null {
  let p = q.close + 1;
  const gap = /^[\s,.;:!?—–-]*/.exec(text.slice(p, p + 8))![0];
  // A full stop after the quote ends the sentence: what follows is a new one, not an attribution.
  if (/[.!?]/.test(gap) && !/,/.test(gap) && /^\s*[\p{Lu}"“«]/u.test(text.slice(p + gap.length - 1, p + gap.length + 1)) && !/[—–-]/.test(gap)) {
    // still allow `." — said X` styles handled by the dash check above
    return null;
  }
  p += gap.length;
  const end = sentenceEnd(text, p, limit);
  if (end - p < 2) return null;
  const cue = findCue(text, p, Math.min(end, p + 160), false);
  if (!cue) return null;
  const cueText = cueWithObject(text, cue, end);
  if (PARTICIPLE_CUES.has(cue.word)) return null;
  if (cue.start === p || /^[\s,]*$/.test(text.slice(p, cue.start))) {
    // said Peskov / заявил Песков: the speaker follows, up to the end of the sentence or a clause.
    if (!INVERSION_CUES.has(cue.word)) return null;
    const npEnd = clauseEnd(text, cue.end, end);
    const npStart = cueObjectEnd(text, cue, npEnd);
    if (/^\s*(?:in|at|on|to|during|with|after|before|from|for|by|about|в|на|во|с|по)\s/iu.test(text.slice(npStart, npEnd))) return null;
    const sp = speakerFromPhrase(text, npStart, npEnd, false, false);
    return sp ? { ...sp, cue: cueText } : null;
  }
  // Peskov said / Dmitry Peskov, the Kremlin spokesman, told journalists
  const sp = speakerFromPhrase(text, p, trimAdverbs(text, p, cue.start), true, false);
  return sp ? { ...sp, cue: cueText } : null;
}

/** The subject of the sentence a participle cue sits in: "Trump went after Bush, calling him …". */
function sentenceSubject(text: string, from: number, cueStart: number): SpeakerPhrase | null {
  const start = clauseStartAdverbial(text, from, cueStart);
  const limit = Math.min(cueStart, start + 90);
  return speakerFromPhrase(text, start, limit, false, false, true);
}

/** Before the opening mark, in the same sentence: `Peskov said: "` / `Peskov said the talks were "` / `По словам Пескова, «`. */
function attributionBefore(text: string, q: Span, floor: number): (SpeakerPhrase & { cue: string; partial: boolean }) | null {
  const from = sentenceStart(text, q.open, floor);
  if (q.open - from < 2) return null;
  const pre = text.slice(from, q.open);
  // "according to X," / "по словам X,"
  ACCORDING.lastIndex = 0;
  let acc: RegExpExecArray | null = null;
  for (let m = ACCORDING.exec(pre); m; m = ACCORDING.exec(pre)) acc = m;
  if (acc) {
    const npStart = from + acc.index + acc[0].length;
    const npEnd = clauseEnd(text, npStart, q.open);
    const cue = acc[1]!.toLowerCase();
    if (/^as /.test(cue)) {
      const asName = /^as\s+(.+?)\s+puts?\s+it/iu.exec(acc[1]!);
      if (asName) {
        const at = from + acc.index + acc[0].indexOf(asName[1]!);
        const sp = speakerFromPhrase(text, at, at + asName[1]!.length, true, false);
        if (sp) return { ...sp, cue: 'put it', partial: !/^[\s,:]*$/.test(text.slice(npStart, q.open)) };
      }
    } else {
      const sp = speakerFromPhrase(text, npStart, npEnd, true, /^(?:по|за)/.test(cue) || cue === 'на думку');
      const rest = text.slice(npEnd, q.open);
      if (sp) return { ...sp, cue: cue.replace(/\s+/g, ' '), partial: !/^[\s,:—–-]*$/.test(rest) };
    }
  }
  const cue = findCue(text, from, q.open, true);
  if (!cue) {
    // "In a Fox interview, Trump went further: “…”": a colon right before the quote, the clause's subject speaking.
    if (!/:\s*$/.test(pre)) return null;
    const subject = sentenceSubject(text, from, q.open);
    return subject && !subject.pronoun ? { ...subject, cue: ':', partial: false } : null;
  }
  const after = text.slice(cue.end, q.open);
  // The quote must follow its cue closely: "said: ", "told journalists on Monday: ", "said the talks were ".
  if (after.length > 160) return null;
  const cueText = cueWithObject(text, cue, q.open);
  if (PARTICIPLE_CUES.has(cue.word)) {
    const subject = sentenceSubject(text, from, cue.start);
    const direct = /^[^"“«„]{0,40}?[:,]\s*$/u.test(after) || /^\s*$/.test(after);
    return subject ? { ...subject, cue: cueText, partial: !direct } : null;
  }
  const direct = /^[^"“«„]{0,60}?[:,]\s*$/u.test(after) || /^\s*(?:that\s+)?$/iu.test(after) || /^\s*(?:что|що)?\s*$/iu.test(after);
  // The speaker comes before the cue ("Peskov said"), or right after it ("said Peskov:").
  const before = speakerBefore(text, clauseStart(text, from, cue.start), trimAdverbs(text, from, cue.start));
  if (before) return { ...before, cue: cueText, partial: !direct };
  const afterColon = /^([^:]{2,80}):\s*$/u.exec(after);
  if (afterColon) {
    const sp = speakerFromPhrase(text, cue.end, cue.end + afterColon[1]!.length, false, false);
    if (sp) return { ...sp, cue: cueText, partial: false };
  }
  return null;
}

/**
 * The speaker just before a cue. In a long sentence ("…as bad as the Benghazi attacks, Carson
 * said") the last clause names the speaker; an appositive ("Peskov, the spokesman, said") does not.
 */
function speakerBefore(text: string, from: number, to: number): SpeakerPhrase | null {
  const seg = text.slice(from, to).replace(/[\s,]+$/, '');
  const comma = seg.lastIndexOf(', ');
  if (comma > 0) {
    const last = speakerFromPhrase(text, from + comma + 2, to, true, false);
    if (last && (last.pronoun || last.speaker.name)) return last;
  }
  return speakerFromPhrase(text, from, to, true, false);
}

/** "told journalists", "told reporters on Monday": the cue with its listener, for display. */
function cueWithObject(text: string, cue: { word: string; start: number; end: number }, limit: number): string {
  const m = /^\s+(journalists|reporters|the press|the media|the crowd|supporters|журналистам|журналістам|репортерам)(?![\p{L}])/iu.exec(text.slice(cue.end, Math.min(limit, cue.end + 24)));
  return m ? `${cue.word} ${m[1]!.toLowerCase()}` : cue.word;
}

function cueObjectEnd(text: string, cue: { start: number; end: number }, limit: number): number {
  const m = /^\s+(?:journalists|reporters|журналистам|журналістам)(?![\p{L}])/iu.exec(text.slice(cue.end, limit));
  return m ? cue.end + m[0].length : cue.end;
}

/** Where the speaker phrase after a cue stops: the sentence end, or a clause like ", adding that". */
function clauseEnd(text: string, from: number, to: number): number {
  const seg = text.slice(from, to);
  const m = /,\s*(?:who|which|adding|saying|noting|in|at|on|during|after|before|when|while|as|speaking|according|told|said|добавив|отметив|подчеркнув|заявив|в|на|во)(?![\p{L}])|\s(?:told|said|on|in|at|during|after|журналистам|в ходе|в интервью|on Monday|in an interview|in a statement)(?![\p{L}])|["“«„(]/iu.exec(seg);
  return m ? from + m.index : to;
}

/** The speaker phrase before a cue starts after the last clause break (", ", "and") before it. */
function clauseStart(text: string, floor: number, cueStart: number): number {
  const seg = text.slice(floor, cueStart);
  let start = clauseStartAdverbial(text, floor, cueStart);
  // "..., and Peskov said" / "... but he said": the subject is after the conjunction.
  const conj = /(?:^|[\s,])(?:and|but|while|as|when|because|so|и|а|но|і|та|але)\s+(?=[^,]{1,80}$)/giu;
  let last: RegExpExecArray | null = null;
  for (let k = conj.exec(seg); k; k = conj.exec(seg)) last = k;
  if (last) start = Math.max(start, floor + last.index + last[0].length);
  return start;
}

/** Skips a leading adverbial ("On Monday, ", "Later, "); keeps appositives ("Peskov, the spokesman, said"). */
function clauseStartAdverbial(text: string, floor: number, cueStart: number): number {
  const seg = text.slice(floor, cueStart);
  const m = /^(?:on|in|at|after|before|during|later|earlier|meanwhile|however|separately|yesterday|today|asked|still|now|then|afterwards|in addition|в|на|во|после|позже|ранее|однако|также|кроме того|вчера|сегодня)(?![\p{L}])[^,]{0,40},\s+/iu.exec(seg);
  return m ? floor + m[0].length : floor;
}

/** Drops adverbs and auxiliaries just before a cue: "Peskov also said", "he later told", "he has repeatedly said". */
function trimAdverbs(text: string, floor: number, cueStart: number): number {
  let e = cueStart;
  for (;;) {
    const seg = text.slice(floor, e);
    const m = /\s+(?:also|later|then|again|once|previously|earlier|recently|repeatedly|has|had|have|would|will|had|did|does|was|is|reportedly|publicly|privately|simply|flatly|finally|further|quickly|firmly|bluntly|angrily|simply|never|not|also|тогда|также|еще|ещё|позже|ранее|уже|також|раніше)\s*$/iu.exec(seg);
    if (!m) return e;
    e = floor + m.index;
  }
}

// ---------- the extraction ----------

export interface ExtractOptions {
  /** Names of speakers seen earlier in the article or corpus, unused for now. */
  language?: string | null;
}

/** Every attributed quote in the text, in text order. */
export function extractQuotes(text: string): ExtractedQuote[] {
  if (!text || !/["“„«]/.test(text)) return [];
  textCache = text;
  const paraStarts = paragraphs(text);
  const spans = findQuotes(text, paraStarts);
  const out: ExtractedQuote[] = [];
  /** Full names seen so far, by surname key, so "Peskov" after "Dmitry Peskov" is the same person. */
  const fullNames = new Map<string, { name: string; description: string | null }>();
  let lastNamed = null as { speaker: ExtractedSpeaker } | null;
  let previous = null as { q: Span; quote: ExtractedQuote } | null;
  // Names mentioned anywhere before a quote, for "he said" with no earlier speaker.
  const resolve = (sp: SpeakerPhrase, at: number): ExtractedSpeaker => {
    if (sp.pronoun) {
      if (lastNamed) return lastNamed.speaker;
      const guess = lastNameBefore(text, at);
      if (guess) return remember({ name: guess, description: null });
      return { name: null, description: null };
    }
    if (sp.speaker.name) return remember(sp.speaker);
    // "the spokesman" after "Kremlin spokesman Dmitry Peskov": the same person.
    const head = sp.speaker.description?.split(' ').at(-1)?.toLowerCase();
    if (lastNamed && head && /^the\s/i.test(sp.speaker.description ?? '') && ROLE_NOUNS.has(head)) return lastNamed.speaker;
    if (head && head.length > 3) {
      for (const known of [...fullNames.values()].reverse()) {
        if (known.description?.toLowerCase().includes(head)) return { name: known.name, description: known.description };
      }
    }
    return sp.speaker;
  };
  const remember = (given: ExtractedSpeaker): ExtractedSpeaker => {
    const known0 = given.name!.includes(' ') ? undefined : fullNames.get(surnameKey(given.name!));
    const speaker = given.name!.includes(' ') || known0 ? given : expandName(text, given);
    const name = speaker.name!;
    const parts = name.split(/\s+/);
    const surname = surnameKey(parts.at(-1)!);
    const known = fullNames.get(surname);
    let resolved: ExtractedSpeaker;
    if (known && known.name.split(/\s+/).length >= parts.length) {
      resolved = { name: known.name, description: speaker.description ?? known.description };
      if (speaker.description && !known.description) known.description = speaker.description;
    } else {
      fullNames.set(surname, { name, description: speaker.description ?? known?.description ?? null });
      resolved = { name, description: speaker.description ?? known?.description ?? null };
    }
    lastNamed = { speaker: resolved };
    return resolved;
  };

  for (let k = 0; k < spans.length; k++) {
    const q = spans[k]!;
    const paraStart = paraStarts[q.para]!;
    const paraEndIdx = q.endPara + 1 < paraStarts.length ? paraStarts[q.endPara + 1]! : text.length;
    const next = spans[k + 1];
    const afterLimit = Math.min(paraEndIdx, next && next.para === q.endPara ? next.open : paraEndIdx);
    const floor = Math.max(paraStart, previous && previous.q.endPara === q.para ? previous.q.close + 1 : paraStart);
    let found: ExtractedQuote | null = null;

    const pre = attributionBefore(text, q, floor);
    const post = pre && !pre.partial ? null : attributionAfter(text, q, afterLimit);
    const att = post ?? pre;
    if (att) {
      const speaker = resolve(att, q.open);
      const partial = post ? !quoteStartsSentence(text, q, floor) : (pre?.partial ?? false);
      // A partial quote of one or two words ("a disaster") is a turn of phrase more often than a statement.
      if (!(partial && (looksLikeTitle(text.slice(q.start, q.end)) || wordCount(text, q) < MIN_PARTIAL_WORDS))) {
        found = { start: q.start, end: q.end, kind: partial ? 'partial' : 'direct', speaker, mentionStart: att.mentionStart, mentionEnd: att.mentionEnd, cue: att.cue };
      }
    } else if (previous && previous.q.endPara === q.para && sentenceStart(text, q.open, paraStart) <= previous.q.open) {
      // One sentence, one speaker: "…the talks were "difficult" and both sides were "talking in substance"", or
      // "The risk," said Edward Leamer, an economist, "is that …".
      found = { ...previous.quote, start: q.start, end: q.end, kind: previous.quote.kind === 'partial' ? 'partial' : 'continuation' };
    } else if (previous && quoteStartsSentence(text, q, floor) && isRightAfter(text, previous.q, q, paraStarts)) {
      // "…," she said. "…"  or a quoted paragraph after an attributed one.
      found = { ...previous.quote, start: q.start, end: q.end, kind: 'continuation' };
    } else {
      // A quoted paragraph after a paragraph that ends "Cruz continued:".
      const colon = colonCueBefore(text, q, paraStarts);
      if (colon) found = { start: q.start, end: q.end, kind: 'direct', speaker: resolve(colon, q.open), mentionStart: colon.mentionStart, mentionEnd: colon.mentionEnd, cue: colon.cue };
    }
    if (found) {
      out.push(found);
      previous = { q, quote: found };
    } else if (previous && q.para > previous.q.endPara + 1) {
      previous = null;
    }
  }
  textCache = '';
  return out;
}

/** "Kremlin spokesman Dmitry " right before a surname: an optional role, then the first name. */
const INTRODUCED_BEFORE = /((?:\p{Lu}\p{Ll}+\s+)?(?:\p{Ll}[\p{L}-]*\s+){0,3})(\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?)\s+$/u;
const INTRODUCED_BEFORE_AT = new RegExp(INTRODUCED_BEFORE.source, 'uy');
const HYPHEN = 0x2d;

/**
 * INTRODUCED_BEFORE.exec(window), without trying the regex at each of the window's ~90 starts.
 * A match holds only letters, hyphens and white space, in at most five runs of white space (one
 * after each of at most five words), and ends in white space: no start before the last character
 * outside those, or before the sixth run of white space from the end, can match. The sticky regex
 * then tries the starts left, in order, and the first match is the one exec() would have found.
 */
function introducedBefore(window: string): RegExpExecArray | null {
  const n = window.length;
  if (n === 0 || !isWhiteSpace(window.charCodeAt(n - 1))) return null;
  let from = 0;
  let runs = 0;
  for (let i = n - 1; i >= 0; i--) {
    const c = window.charCodeAt(i);
    if (isWhiteSpace(c)) {
      if ((i === n - 1 || !isWhiteSpace(window.charCodeAt(i + 1))) && ++runs > 5) {
        from = i + 1;
        break;
      }
    } else if (c !== HYPHEN && !isHighSurrogate(c) && !isLowSurrogate(c) && !isLetterCode(c)) {
      // (Surrogates are let through: an astral letter is one.)
      from = i + 1;
      break;
    }
  }
  for (let p = from; p < n; p++) {
    const c = window.charCodeAt(p);
    // A match starts with a letter; and exec() never starts inside a surrogate pair.
    if (isWhiteSpace(c) || c === HYPHEN || (isLowSurrogate(c) && p > 0 && isHighSurrogate(window.charCodeAt(p - 1)))) continue;
    INTRODUCED_BEFORE_AT.lastIndex = p;
    const m = INTRODUCED_BEFORE_AT.exec(window);
    if (m) return m;
  }
  return null;
}

const NOT_DESCRIPTIONS = /^(?:журналистам|журналістам|journalists|reporters|the press|on \p{L}+day|in a statement|in an interview)$/iu;

/**
 * A surname alone ("Peskov", "Смирнов") with its first name and role from where the article
 * introduced the person ("Kremlin spokesman Dmitry Peskov", "представитель группы Олег Смирнов").
 */
function expandName(text: string, speaker: ExtractedSpeaker): ExtractedSpeaker {
  const surname = speaker.name!;
  const description = speaker.description && !NOT_DESCRIPTIONS.test(speaker.description) ? speaker.description : null;
  // The first "Firstname Surname" in the text, found by the surname and read backwards from
  // it (a regex over the whole text would try every position).
  for (let at = text.indexOf(surname); at >= 0; at = text.indexOf(surname, at + surname.length)) {
    if (isWordChar(text[at + surname.length]) || isWordChar(text[at - 1])) continue;
    const m = introducedBefore(text.slice(Math.max(0, at - 90), at));
    if (!m || NOT_NAMES.has(m[2]!.toLowerCase())) continue;
    const role = m[1]!.replace(/^(?:(?:журналистам|журналістам|journalists|reporters|told|said|заявил|сказал|сообщил|в|на)\s+)+/iu, '').trim();
    return { name: `${m[2]} ${surname}`, description: description ?? (role.length > 3 ? role : null) };
  }
  return { name: surname, description };
}

const MIN_PARTIAL_WORDS = 2;

function wordCount(text: string, q: Span): number {
  return text.slice(q.start, q.end).split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}

function surnameKey(word: string): string {
  return nominative(word).toLowerCase().replace(/['’]s$/, '');
}

/** The quote opens its sentence (nothing but a dash or a bullet before it since the last full stop). */
function quoteStartsSentence(text: string, q: Span, floor: number): boolean {
  const from = sentenceStart(text, q.open, floor);
  return /^[\s—–\-•*]*$/u.test(text.slice(from, q.open));
}

/** `q` comes straight after `prev`: in the same paragraph after its attribution, or opening the next paragraph. */
function isRightAfter(text: string, prev: Span, q: Span, paraStarts: number[]): boolean {
  if (q.para === prev.endPara) return q.open - prev.close < 200;
  if (q.para === prev.endPara + 1) {
    // The previous paragraph must end with the attributed quote's sentence, and this one open with the quote.
    return text.slice(paraStarts[q.para]!, q.open).trim() === '';
  }
  return false;
}

/** A paragraph that is a quote, after one that ends with "X said:" or "X continued:". */
function colonCueBefore(text: string, q: Span, paraStarts: number[]): (SpeakerPhrase & { cue: string }) | null {
  if (q.para === 0 || text.slice(paraStarts[q.para]!, q.open).trim() !== '') return null;
  const prevStart = paraStarts[q.para - 1]!;
  const prevText = text.slice(prevStart, paraStarts[q.para]!).trimEnd();
  if (!prevText.endsWith(':')) return null;
  const prevEnd = prevStart + prevText.length - 1;
  const from = sentenceStart(text, prevEnd, prevStart);
  const cue = findCue(text, from, prevEnd, true);
  if (!cue) return null;
  const sp = speakerFromPhrase(text, clauseStart(text, from, cue.start), trimAdverbs(text, from, cue.start), true, false);
  return sp ? { ...sp, cue: cue.word } : null;
}

/** Short quotes in title case are names of shows, books and slogans, not speech. */
function looksLikeTitle(quote: string): boolean {
  const ws = quote.split(/\s+/).filter(Boolean);
  if (ws.length > 8) return false;
  const content = ws.filter((w) => !/^(?:a|an|the|of|and|in|on|to|for|with|at|by)$/i.test(w));
  return content.length > 0 && content.every((w) => /^["'“‘(]?\p{Lu}/u.test(w));
}

/** The last "Firstname Lastname" in the text before `pos`, for a pronoun with no earlier speaker. */
function lastNameBefore(text: string, pos: number): string | null {
  const window = text.slice(Math.max(0, pos - 1500), pos);
  const re = /(?<![\p{L}.])(\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?)\s+(\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?)(?![\p{L}])/gu;
  let last: string | null = null;
  for (let m = re.exec(window); m; m = re.exec(window)) {
    if (NOT_NAMES.has(m[1]!.toLowerCase()) || NOT_NAMES.has(m[2]!.toLowerCase())) continue;
    last = `${m[1]} ${m[2]}`;
  }
  return last;
}

/**
 * The quotes with each named speaker's folding key set (ExtractedQuote.speakerKey): what the
 * parser workers send, so that resolving speakers to persons on the engine thread does not fold
 * every name again (a chain of regexes per quote, on the thread every article is written on).
 */
export function withSpeakerKeys(quotes: ExtractedQuote[]): ExtractedQuote[] {
  for (const q of quotes) if (q.speaker.name) q.speakerKey = foldName(q.speaker.name);
  return quotes;
}
