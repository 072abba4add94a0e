// Quotes: who said what, extracted from the articles at import, with exact offsets.

export type QuoteKind = 'direct' | 'partial' | 'continuation';

export interface Quote {
  id: number;
  articleId: number;
  /** The speaker's name ("Dmitry Peskov"), a description when unnamed ("a senior official"), or null. */
  speaker: string | null;
  /** The person record the speaker was resolved to (one per person across spellings and scripts). */
  personId: number | null;
  /** The speaker's role as the article gives it ("Kremlin spokesman"). */
  description: string | null;
  /** The quoted words, verbatim: article.body.slice(start, end). */
  text: string;
  /** UTF-16 offsets into the article body. */
  start: number;
  end: number;
  kind: QuoteKind;
  /** The attribution cue ("said", "told journalists", "по словам"). */
  cue: string;
  /** Where the article names (or refers to) the speaker for this quote. */
  mentionStart: number;
  mentionEnd: number;
}

export interface QuoteHit extends Quote {
  headline: string;
  published: string | null;
  place: string | null;
  agency: string | null;
}

export interface SpeakerCount {
  personId: number | null;
  speaker: string;
  count: number;
}

export interface QuoteSearchArgs {
  /**
   * The usual query syntax over the quoted words, plus `speaker:NAME` or `speaker:"Full Name"`
   * (any spelling: "Peskov", "Песков"). An empty query lists every quote, newest first.
   */
  query?: string;
  /** Only quotes of this speaker (same matching as speaker:). */
  speaker?: string;
  /** Only quotes of this person record. */
  personId?: number;
  articleId?: number;
  from?: string;
  to?: string;
  sort?: 'date' | 'relevance' | 'article';
  /** 1..500, default 50. */
  limit?: number;
  offset?: number;
}

export interface QuoteSearchResult {
  total: number;
  quotes: QuoteHit[];
  /** The speakers of every quote that matched (not just this page), most quoted first (top 50). */
  speakers: SpeakerCount[];
  notice: string | null;
}

export interface TimelineArgs {
  /** A speaker name (any spelling) or a person id. */
  speaker?: string;
  personId?: number;
  /** Limits the statements counted, in the quotes search syntax. */
  query?: string;
}

export interface TimelineBucket {
  /** "YYYY-MM-DD" (day) or "YYYY-MM" (month), by the articles' publication dates. */
  period: string;
  count: number;
}

export interface Timeline {
  speaker: string | null;
  granularity: 'day' | 'month';
  buckets: TimelineBucket[];
  undated: number;
}

export interface QuoteMethods {
  'quotes.search': { args: QuoteSearchArgs; result: QuoteSearchResult };
  'quotes.get': { args: { id: number }; result: QuoteHit };
  /** How many statements a speaker made per day (or month, over longer spans). */
  'quotes.timeline': { args: TimelineArgs; result: Timeline };
}
