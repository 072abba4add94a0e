// Person names across scripts: a folding key under which "Peskov", "PESKOV" and "Песков"
// (and "Zelensky", "Zelenskyy", "Зеленський") are the same, and a light de-inflection of
// Russian/Ukrainian names met in the genitive ("по словам Дмитрия Пескова"). Kept small and
// local to quotes; the search transliteration fold (issue 4) may later replace foldName.

const CYRILLIC: Record<string, string> = {
  а: 'a', б: 'b', в: 'v', г: 'g', ґ: 'g', д: 'd', е: 'e', ё: 'e', є: 'ye', ж: 'zh', з: 'z', и: 'i', і: 'i', ї: 'yi', й: 'y',
  к: 'k', л: 'l', м: 'm', н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'f', х: 'kh', ц: 'ts', ч: 'ch',
  ш: 'sh', щ: 'shch', ъ: '', ы: 'y', ь: '', э: 'e', ю: 'yu', я: 'ya', '’': '', "'": '',
};

/** Cyrillic to a plain Latin spelling (for display of keys and matching only). */
export function transliterate(text: string): string {
  let out = '';
  for (const ch of text.toLowerCase()) out += CYRILLIC[ch] ?? ch;
  return out;
}

/**
 * The matching key of a name: transliterated, lower-case, accents and punctuation dropped,
 * the y/i/j spellings of the same sound merged and doubled letters collapsed.
 */
export function foldName(text: string): string {
  return transliterate(text.normalize('NFKD').replace(/\p{M}/gu, ''))
    .replace(/[^a-z0-9 ]+/g, ' ')
    .replace(/kh/g, 'h')
    .replace(/[yj]/g, 'i')
    .replace(/(.)\1+/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();
}

// Genitive → nominative for the usual name endings. Longest ending first.
const GENITIVE: Array<[RegExp, string]> = [
  [/ского$/u, 'ский'], [/цкого$/u, 'цкий'], [/ського$/u, 'ський'],
  [/овой$/u, 'ова'], [/евой$/u, 'ева'], [/иной$/u, 'ина'], [/ской$/u, 'ская'],
  [/ова$/u, 'ов'], [/ева$/u, 'ев'], [/ёва$/u, 'ёв'], [/ина$/u, 'ин'], [/ына$/u, 'ын'],
  [/ия$/u, 'ий'], [/ея$/u, 'ей'], [/ая$/u, 'ай'],
  [/ии$/u, 'ия'], [/ьи$/u, 'ья'],
  // Masculine first names (Владимира, Олега) and feminine ones (Ирины, Ольги).
  [/([бвгджзклмнпрстфхцчшщ])а$/u, '$1'], [/([гкх])и$/u, '$1а'], [/ы$/u, 'а'],
];

/** A Cyrillic name in the genitive case back in the nominative, as far as endings tell. */
export function nominative(name: string): string {
  return name
    .split(' ')
    .map((word) => {
      if (!/^[\p{Script=Cyrillic}-]+$/u.test(word) || word.length < 4) return word;
      for (const [ending, replacement] of GENITIVE) {
        if (ending.test(word)) return word.replace(ending, replacement);
      }
      return word;
    })
    .join(' ');
}
