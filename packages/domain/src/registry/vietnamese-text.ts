/**
 * Vietnamese text helpers shared by search, import and duplicate detection. Pure and
 * locale-independent, so that the browser, the server and the tests agree.
 */

/**
 * Folds Vietnamese text for comparison: diacritics removed (đ → d), lower case. For Vietnamese
 * text it gives the same result as the SQL function `vn_fold` of the server
 * (`lower(translate(unaccent(x), 'đĐ', 'dD'))`), so a folded query matches a folded column.
 * Whitespace and punctuation are kept.
 */
export function foldVietnamese(value: string): string {
  return value
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .normalize('NFC');
}

/** Trims, collapses runs of white space (including no-break spaces and tabs) and composes (NFC). */
export function normaliseWhitespace(value: string): string {
  return value.normalize('NFC').replace(/\s+/gu, ' ').trim();
}

/**
 * Folded key without punctuation or spaces: `"Bru - Vân Kiều"` → `"bruvankieu"`. For matching
 * catalogue names and column headers that people write with or without hyphens.
 */
export function compactFold(value: string): string {
  return foldVietnamese(value).replace(/[^\p{L}\p{N}]+/gu, '');
}

/** Folded words of a text, punctuation dropped: `"Nguyễn  Văn-An"` → `["nguyen", "van", "an"]`. */
export function foldedWords(value: string): string[] {
  return foldVietnamese(value)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length > 0);
}

const APOSTROPHES = /[’‘`´ʼ]/g;

function capitalise(word: string): string {
  const [first = '', ...rest] = Array.from(word);
  return first.toUpperCase() + rest.join('');
}

/** Capitalises a word, each part of a hyphenated word, and the letter after `H'`, `Y'`, `K'`. */
function titleCaseWord(word: string): string {
  return word
    .split('-')
    .map((part) => {
      const apostrophe = part.indexOf("'");
      const head = part.slice(0, apostrophe);
      if (apostrophe > 0 && Array.from(head).length === 1) {
        return `${capitalise(head)}'${capitalise(part.slice(apostrophe + 1))}`;
      }
      return capitalise(part);
    })
    .join('-');
}

/**
 * Normalises a person's name as officers expect to read it: trimmed, single spaces, composed
 * (NFC) and in title case — `"nguyễn văn  an"` → `"Nguyễn Văn An"`, `"NGUYỄN THỊ ĐÀO"` →
 * `"Nguyễn Thị Đào"`, `"h'hen niê"` → `"H'Hen Niê"`. The placement of tone marks (`hoà` / `hòa`)
 * is left as written: both fold to the same search key.
 */
export function normaliseName(value: string): string {
  return normaliseWhitespace(value.replace(APOSTROPHES, "'"))
    .toLowerCase()
    .split(' ')
    .map(titleCaseWord)
    .join(' ');
}
