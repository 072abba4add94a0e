// Every import format, on files this test writes itself (our own text, laid out as each
// format or news-database export lays it out), parsed by the same code the workers run.
import fs from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { decodeText, declaredCharset } from '../../src/engine/ingest/decode.ts';
import { detectLanguage } from '../../src/engine/ingest/language.ts';
import { parseFile } from '../../src/engine/ingest/parse-file.ts';
import { bylineOf, splitVersion, versionLine } from '../../src/engine/ingest/parsers/markers.ts';
import { parseLooseDate } from '../../src/engine/ingest/dates.ts';
import { tempDir } from '../support/temp.ts';

async function parse(name: string, content: string | Buffer): Promise<Awaited<ReturnType<typeof parseFile>>> {
  const file = path.join(tempDir('wirebench-format-'), name);
  fs.writeFileSync(file, content);
  return parseFile({ path: file });
}

async function articles(name: string, content: string | Buffer) {
  const result = await parse(name, content);
  if (result.status !== 'parsed') throw new Error(`${name}: ${result.status}: ${result.reason}`);
  return result.articles;
}

const PARAS = [
  'The two delegations met for five hours on Monday and agreed to meet again next week, officials said.',
  '"We have made progress on the humanitarian questions," the lead negotiator told reporters after the session.',
  'Neither side gave details of the draft, which is expected to cover prisoner exchanges and grain shipments.',
];

async function docx(paragraphs: string[]): Promise<Buffer> {
  const zip = new JSZip();
  const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  zip.file('[Content_Types].xml', `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`);
  zip.file('_rels/.rels', `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`);
  zip.file('word/document.xml', `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${paragraphs.map((p) => `<w:p><w:r><w:t xml:space="preserve">${esc(p)}</w:t></w:r></w:p>`).join('')}</w:body></w:document>`);
  return zip.generateAsync({ type: 'nodebuffer' });
}

/** A minimal one-page PDF with these lines of text (Helvetica, no compression). */
function pdf(lines: string[]): Buffer {
  const content = `BT /F1 12 Tf 72 720 Td ${lines.map((l, i) => `${i ? '0 -16 Td ' : ''}(${l.replace(/[()\\]/g, '\\$&')}) Tj`).join(' ')} ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>',
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

describe('text formats', () => {
  it('keeps a wire story\'s version marker and byline as metadata', async () => {
    const [a] = await articles('w.txt', `21 Mar 2022 12:47\n\nUPDATE 2-Talks resume in Istanbul\n\nBy Jane Smith\n\nISTANBUL, March 21 (Reuters) - ${PARAS.join('\n\n')}\n`);
    expect(a).toMatchObject({ headline: 'Talks resume in Istanbul', versionNote: 'UPDATE 2', byline: 'Jane Smith', place: 'ISTANBUL', agency: 'Reuters', published: '2022-03-21T12:47', language: 'en' });
    const [b] = await articles('c.txt', `21 Mar 2022 13:05\nCORRECTED\nTalks resume in Istanbul\n\n${PARAS[0]}`);
    expect(b).toMatchObject({ headline: 'Talks resume in Istanbul', versionNote: 'CORRECTED' });
  });

  it('reads markers and loose dates as exports print them', () => {
    expect(splitVersion('REFILE-Oil rises')).toEqual({ headline: 'Oil rises', versionNote: 'REFILE' });
    expect(splitVersion('Update on the talks')).toEqual({ headline: 'Update on the talks', versionNote: null });
    expect(versionLine('(UPDATE 1)')).toBe('UPDATE 1');
    expect(bylineOf('By the way, nothing happened')).toBeNull();
    expect(parseLooseDate('March 14, 2013 Thursday 11:21 AM GMT')).toBe('2013-03-14T11:21');
    expect(parseLooseDate('May 2, 2002, Thursday,, FINAL EDITION')).toBe('2002-05-02');
    expect(parseLooseDate('Mon, 21 Mar 2022 12:47:00 +0300')).toBe('2022-03-21T12:47:00+03:00');
    expect(parseLooseDate('2018 年 10 月 7 日 17:04')).toBe('2018-10-07T17:04');
    expect(parseLooseDate('26-FEB-1987 15:01:01.79')).toBe('1987-02-26T15:01:01');
    expect(parseLooseDate('9 Januar 1993')).toBe('1993-01-09');
  });

  it('splits a LexisNexis text export into its documents with their fields', async () => {
    const doc = (n: number, title: string, byline: string): string =>
      `                               ${n} of 2 DOCUMENTS\r\n\r\n                                  The Daily Courier\r\n\r\n                            January ${n + 10}, 2010 Monday\r\n\r\n${title}\r\n\r\nBYLINE: ${byline}\r\n\r\nSECTION: NEWS; Pg. 4\r\n\r\nLENGTH: 355 words\r\n\r\nDATELINE: GENEVA\r\n\r\n${PARAS.join('\r\n\r\n')} (${n})\r\n\r\nLOAD-DATE: January 12, 2010\r\n\r\nLANGUAGE: ENGLISH\r\n\r\nCopyright 2010 The Daily Courier\r\n`;
    const list = await articles('export.TXT', `\uFEFFDownload Request: Selected Items: 1-2\r\n\r\n${doc(1, 'Talks open in Geneva', 'Anna Berg')}${doc(2, 'Second day of talks', 'Omar Haddad')}`);
    expect(list).toHaveLength(2);
    expect(list[0]).toMatchObject({ headline: 'Talks open in Geneva', published: '2010-01-11', agency: 'The Daily Courier', byline: 'Anna Berg', place: 'GENEVA', language: 'en' });
    expect(list[1]!.body).not.toMatch(/LOAD-DATE|Copyright|LENGTH/);
  });

  it('reads a Nexis HTML export', async () => {
    const doc = (n: number): string =>
      `<DOC NUMBER=${n}><DIV><P><SPAN>${n} of 2 DOCUMENTS</SPAN></P></DIV><DIV><P><SPAN>Agence Example -- English</SPAN></P></DIV><DIV><P><SPAN>March 14, 2013 Thursday 11:21 AM GMT</SPAN></P></DIV><DIV><P><SPAN>Headline ${n} about the talks</SPAN></P></DIV><DIV><P><SPAN>LENGTH: </SPAN><SPAN>239 words</SPAN></P></DIV><DIV><P><SPAN>DATELINE: </SPAN><SPAN>BEIRUT, March 14 2013</SPAN></P></DIV><DIV>${PARAS.map((p) => `<P><SPAN>${p} ${n}</SPAN></P>`).join('')}</DIV><DIV><P><SPAN>LOAD-DATE: </SPAN><SPAN>March 15, 2013</SPAN></P></DIV>`;
    const list = await articles('nexis.html', `<HTML><BODY>${doc(1)}${doc(2)}</BODY></HTML>`);
    expect(list.map((a) => a.headline)).toEqual(['Headline 1 about the talks', 'Headline 2 about the talks']);
    expect(list[0]).toMatchObject({ published: '2013-03-14T11:21', agency: 'Agence Example -- English', place: 'BEIRUT' });
    expect(list[0]!.body.split('\n\n')).toHaveLength(3);
  });

  it('reads a Factiva HTML page with many articles, also from a German interface', async () => {
    const art = (n: number, date: string, words: string): string =>
      `<div class="article enArticle"><p></p><div>News</div><div id="hd"><span class="enHeadline">Story ${n} on the talks</span></div><div class="author">By Kim Lee</div><div>${words}</div><div>${date}</div><div>The Courier</div><div>COUR</div><div>English</div><div>(c) 2017 The Courier</div><p></p>${PARAS.map((p) => `<p class="articleParagraph enarticleParagraph">${p} (${n})</p>`).join('')}</div>`;
    const list = await articles('factiva.htm', `<html><head><script>var x = "<div>";</script></head><body>${art(1, '13 November 2017', '808 words')}${art(2, '9 Januar 1993', '877 Wörter')}</body></html>`);
    expect(list).toHaveLength(2);
    expect(list[0]).toMatchObject({ headline: 'Story 1 on the talks', published: '2017-11-13', agency: 'The Courier', byline: 'Kim Lee' });
    expect(list[1]!.published).toBe('1993-01-09');
  });

  it('reads Factiva XML', async () => {
    const item = (n: number): string =>
      `<ppsarticle><article><headline><paragraph>Talks <hlt>resume</hlt> ${n}</paragraph></headline><leadParagraph><paragraph>${PARAS[0]}</paragraph></leadParagraph><tailParagraphs><paragraph>${PARAS[1]} ${n}</paragraph></tailParagraphs><publicationDate><dateTime>2012-01-09T01:35:58Z</dateTime></publicationDate><sourceName>My Newspaper</sourceName><baseLanguage>EN</baseLanguage></article></ppsarticle>`;
    const list = await articles('f.xml', `\uFEFF<?xml version="1.0" encoding="utf-8"?><PPSResponse><ppsArticleResponse xmlns="http://global.factiva.com/pps/2.0"><ppsarticleResultSet>${item(1)}${item(2)}</ppsarticleResultSet></ppsArticleResponse></PPSResponse>`);
    expect(list.map((a) => a.headline)).toEqual(['Talks resume 1', 'Talks resume 2']);
    expect(list[0]).toMatchObject({ published: '2012-01-09T01:35:58Z', agency: 'My Newspaper', language: 'en' });
  });

  it('reads an Integrum export in windows-1251 with its caret-coded fields', async () => {
    const art = (n: number): string =>
      `<a name="${n}"></a><table><tr><td>^ИС:\r\n   Московские новости\r\n<br>^ДТ:\r\n   09.02.1994\r\n<br>^АВ:\r\n   Иванов Пётр\r\n<br>^ЗГ:\r\n   ЗАГОЛОВОК НОМЕР ${n}\r\n<br></td></tr></table><h3>ЗАГОЛОВОК</h3><pre>\r\n     Переговоры продолжались пять часов, сообщили официальные лица.\r\nСтороны договорились встретиться снова.\r\n     Второй абзац статьи номер ${n}.\r\n</pre>`;
    const html = `<html><head><META http-equiv="Content-Type" content="text/html; charset=windows-1251"></head><body>${art(1)}${art(2)}</body></html>`;
    const list = await articles('integrum.html', iconv.encode(html, 'windows-1251'));
    expect(list).toHaveLength(2);
    expect(list[0]).toMatchObject({ headline: 'ЗАГОЛОВОК НОМЕР 1', published: '1994-02-09', agency: 'Московские новости', byline: 'Иванов Пётр', language: 'ru' });
    expect(list[0]!.body.split('\n\n')).toEqual(['Переговоры продолжались пять часов, сообщили официальные лица. Стороны договорились встретиться снова.', 'Второй абзац статьи номер 1.']);
  });

  it('reads Reuters-21578 SGML', async () => {
    const story = (n: number): string =>
      `<REUTERS TOPICS="YES" NEWID="${n}">\n<DATE>26-FEB-1987 15:01:01.79</DATE>\n<TEXT>&#2;\n<TITLE>STORY ${n} TITLE</TITLE>\n<DATELINE>    SALVADOR, Feb 26 - </DATELINE><BODY>Showers continued throughout\nthe week &lt;here>.\n    Second paragraph ${n}.\n Reuter\n&#3;</BODY></TEXT>\n</REUTERS>\n`;
    const list = await articles('reut2-000.sgm', `<!DOCTYPE lewis SYSTEM "lewis.dtd">\n${story(1)}${story(2)}`);
    expect(list).toHaveLength(2);
    expect(list[0]).toMatchObject({ headline: 'STORY 1 TITLE', published: '1987-02-26T15:01:01', place: 'SALVADOR', agency: 'Reuters' });
    expect(list[0]!.body).toBe('SALVADOR, Feb 26 - Showers continued throughout the week <here>.\n\nSecond paragraph 1.');
  });
});

describe('web, office and mail formats', () => {
  it('extracts the article and its metadata from a web page, as plain text', async () => {
    const html = `<!DOCTYPE html><html lang="en"><head><title>Talks resume | The Courier</title>
      <meta property="og:site_name" content="The Courier"><meta property="article:published_time" content="2022-03-21T12:47:00+03:00">
      <meta name="author" content="Jane Smith"><link rel="canonical" href="https://courier.example/talks"></head>
      <body><nav><a href="/">Home</a> <a href="/world">World</a></nav><article><h1>Talks resume</h1>
      ${PARAS.map((p) => `<p>${p} <script>alert(1)</script><b onclick="x()">bold</b></p>`).join('')}</article>
      <footer>Subscribe to our newsletter</footer></body></html>`;
    const [a] = await articles('page.html', html);
    expect(a).toMatchObject({ published: '2022-03-21T12:47:00+03:00', site: 'The Courier', byline: 'Jane Smith', url: 'https://courier.example/talks', language: 'en' });
    expect(a!.headline).toMatch(/Talks resume/);
    expect(a!.body).toContain(PARAS[1]);
    expect(a!.body).not.toMatch(/<|alert|Subscribe|Home/);
  });

  it('reads a page nested 100,000 elements deep without overflowing', async () => {
    const result = await parse('deep.html', `<html><head><title>Deep</title></head><body>${'<div>'.repeat(100_000)}text at the bottom${'</div>'.repeat(100_000)}</body></html>`);
    expect(result).toMatchObject({ status: 'parsed' });
    if (result.status === 'parsed') expect(result.articles[0]!.body).toContain('text at the bottom');
  });

  it('reads a Word file, and splits a Nexis Uni export into its documents', async () => {
    const [plain] = await articles('memo.docx', await docx(['Talks resume in Geneva', ...PARAS]));
    expect(plain).toMatchObject({ headline: 'Talks resume in Geneva' });
    expect(plain!.body.split('\n\n')).toEqual(PARAS);
    const uniDoc = (n: number): string[] => [`Title of story ${n}`, 'The Daily Courier', `May ${n}, 2002, Thursday,, FINAL EDITION`, 'Copyright 2002 The Daily Courier', 'Section: NEWS; Pg. A1', 'Length: 500 words', `Byline: Writer ${n === 1 ? 'One' : 'Two'}`, 'Body', ...PARAS.map((p) => `${p} ${n}`), 'Load-Date: May 3, 2002', 'End of Document'];
    const list = await articles('uni.docx', await docx(['Date and Time: Friday, 5. July 2019', 'Documents (2)', '1. Title of story 1', 'Client/Matter: -None-', ...uniDoc(1), ...uniDoc(2)]));
    expect(list).toHaveLength(2);
    expect(list[1]).toMatchObject({ headline: 'Title of story 2', published: '2002-05-02', agency: 'The Daily Courier', byline: 'Writer Two' });
    expect(list[1]!.body.split('\n\n')).toHaveLength(3);
  });

  it('refuses a zip bomb named .docx without unpacking it', async () => {
    const zip = new JSZip();
    zip.file('word/document.xml', Buffer.alloc(260 * 1024 * 1024, 0x20));
    const bomb = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 1 } });
    expect(bomb.length).toBeLessThan(2 * 1024 * 1024);
    const result = await parse('bomb.docx', bomb);
    expect(result).toMatchObject({ status: 'failed', reason: expect.stringMatching(/zip bomb/) });
    expect(await parse('fake.docx', 'not a zip at all')).toMatchObject({ status: 'failed', reason: expect.stringMatching(/not a Word file/) });
  });

  it('reads a PDF\'s text, and fails a truncated one with a reason', async () => {
    const file = pdf(['Talks resume in Geneva', '', 'The two delegations met for five hours on Monday.']);
    const [a] = await articles('story.pdf', file);
    expect(a!.headline).toBe('Talks resume in Geneva');
    expect(a!.body).toContain('five hours');
    const truncated = await parse('cut.pdf', file.subarray(0, 60));
    expect(truncated.status).not.toBe('parsed');
    expect(await parse('fake.pdf', 'hello')).toMatchObject({ status: 'failed', reason: 'not a PDF file' });
  });

  it('reads e-mail with encoded headers, and a mailbox of several messages', async () => {
    const subject = `=?koi8-r?Q?${[...iconv.encode('Переговоры', 'koi8-r')].map((b) => `=${b.toString(16).toUpperCase().padStart(2, '0')}`).join('')}?=`;
    const eml = `From: "Wire Desk" <desk@wire.example>\r\nTo: me@example.org\r\nSubject: ${subject}\r\nDate: Mon, 21 Mar 2022 12:47:00 +0300\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nМОСКВА, 21 марта. /ТАСС/. Переговоры продолжаются пятый час.\r\n\r\nВторой абзац.\r\n`;
    const [a] = await articles('alert.eml', eml);
    expect(a).toMatchObject({ headline: 'Переговоры', published: '2022-03-21T12:47:00+03:00', site: 'Wire Desk', place: 'МОСКВА', agency: 'ТАСС', language: 'ru' });
    const mbox = `From desk@wire.example Mon Mar 21 12:47:00 2022\n${eml.replace(/\r\n/g, '\n')}\nFrom desk@wire.example Mon Mar 21 13:00:00 2022\nFrom: desk@wire.example\nSubject: Second alert\nDate: Mon, 21 Mar 2022 13:00:00 +0300\n\nA second alert body with\n>From a quoted line.\n`;
    const list = await articles('wire.mbox', mbox);
    expect(list.map((x) => x.headline)).toEqual(['Переговоры', 'Second alert']);
    expect(list[1]!.body).toContain('From a quoted line.');
  });

  it('reads RSS and Atom feeds, each item an article with link, date and source', async () => {
    const rss = `<?xml version="1.0"?><rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>Courier World</title><language>en</language>
      <item><title>Talks resume</title><link>https://courier.example/1</link><pubDate>Mon, 21 Mar 2022 12:47:00 GMT</pubDate><dc:creator>Jane Smith</dc:creator><description>&lt;p&gt;${PARAS[0]}&lt;/p&gt;&lt;p&gt;${PARAS[1]}&lt;/p&gt;</description></item>
      <item><title>Second item</title><link>https://courier.example/2</link><description>${PARAS[2]}</description></item></channel></rss>`;
    const list = await articles('world.rss', rss);
    expect(list).toHaveLength(2);
    expect(list[0]).toMatchObject({ headline: 'Talks resume', url: 'https://courier.example/1', published: '2022-03-21T12:47:00Z', site: 'Courier World', agency: 'Courier World', byline: 'Jane Smith' });
    expect(list[0]!.body.split('\n\n')).toEqual([PARAS[0], PARAS[1]]);
    const atom = `<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Atom News</title><entry><title>Atom story</title><link rel="alternate" href="https://atom.example/a"/><published>2022-03-22T08:00:00Z</published><author><name>Ann Lee</name></author><content type="html">&lt;p&gt;${PARAS[0]}&lt;/p&gt;</content></entry></feed>`;
    const [a] = await articles('news.atom', atom);
    expect(a).toMatchObject({ headline: 'Atom story', url: 'https://atom.example/a', published: '2022-03-22T08:00:00Z', site: 'Atom News', byline: 'Ann Lee' });
  });

  it('reads JSONL and CSV with usual column names or a mapping', async () => {
    const jsonl = [{ title: 'Talks resume', text: PARAS.join('\n'), date: '2022-03-21', source: 'Courier', url: 'https://c.example/1' }, { title: 'Second', text: PARAS[2] }]
      .map((r) => JSON.stringify(r))
      .join('\n');
    const list = await articles('a.jsonl', `${jsonl}\n{broken\n`);
    expect(list).toHaveLength(2);
    expect(list[0]).toMatchObject({ headline: 'Talks resume', published: '2022-03-21', agency: 'Courier', url: 'https://c.example/1' });
    expect(list[0]!.body.split('\n\n')).toEqual(PARAS);
    const csv = `Überschrift;Inhalt;Quelle\n"Talks resume";"${PARAS[0]}";Courier\n`;
    expect((await parse('a.csv', csv)).status).toBe('failed');
    const file = path.join(tempDir('wirebench-format-'), 'b.csv');
    fs.writeFileSync(file, csv);
    const mapped = await parseFile({ path: file, columns: { headline: 'Überschrift', body: 'Inhalt', source: 'Quelle' } });
    expect(mapped).toMatchObject({ status: 'parsed', articles: [{ headline: 'Talks resume', agency: 'Courier' }] });
  });
});

describe('encodings', () => {
  const russian = 'Президент заявил, что переговоры продолжатся на следующей неделе в Стамбуле. Делегации обсудили обмен пленными.';
  it.each(['windows-1251', 'koi8-r', 'ibm866', 'iso-8859-5', 'maccyrillic'])('detects and decodes Russian in %s', async (encoding) => {
    const bytes = iconv.encode(`Переговоры продолжатся\n\n${russian}`, encoding);
    const decoded = decodeText(bytes);
    expect(decoded).toMatchObject({ ok: true, encoding });
    const [a] = await articles(`${encoding}.txt`, bytes);
    expect(a).toMatchObject({ headline: 'Переговоры продолжатся', body: russian, language: 'ru' });
  });

  it('decodes short Cyrillic texts, where detectors guess wrong', () => {
    for (const encoding of ['windows-1251', 'koi8-r', 'ibm866', 'iso-8859-5', 'maccyrillic']) {
      for (const text of ['Путин', 'Москва, 21 марта.', 'Цены на нефть выросли.']) expect(decodeText(iconv.encode(text, encoding))).toMatchObject({ ok: true, text });
    }
  });

  it('reads Latin-1, UTF-16 with a BOM, and catches a declared charset that lies', () => {
    expect(decodeText(Buffer.from('Café society in Zürich, naïve résumé.', 'latin1'))).toMatchObject({ ok: true, text: 'Café society in Zürich, naïve résumé.' });
    expect(decodeText(Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode('Привет', 'utf-16be')]))).toMatchObject({ ok: true, text: 'Привет' });
    // Declares UTF-8 but is windows-1251.
    const lying = iconv.encode(`<html><head><meta charset="utf-8"></head><body>${russian}</body></html>`, 'windows-1251');
    expect(declaredCharset(lying)).toBe('utf-8');
    expect(decodeText(lying, declaredCharset(lying))).toMatchObject({ ok: true, encoding: 'windows-1251' });
    // Declares KOI8-R but is windows-1251.
    const wrong = iconv.encode(`<?xml version="1.0" encoding="koi8-r"?><p>${russian}</p>`, 'windows-1251');
    expect(decodeText(wrong, declaredCharset(wrong))).toMatchObject({ ok: true, encoding: 'windows-1251' });
  });

  it('detects English, Russian and Ukrainian', () => {
    expect(detectLanguage(PARAS.join(' '))).toBe('en');
    expect(detectLanguage(russian)).toBe('ru');
    expect(detectLanguage('Київ відкинув пропозицію щодо перемир’я, заявили в Офісі президента. Це їхня позиція.')).toBe('uk');
  });
});
