// Records that carry one XSS vector in every text and link field, in each of
// the six input formats.
import { readFileSync } from 'node:fs';

export const vectors = readFileSync(new URL('./vectors.txt', import.meta.url), 'utf8')
  .split('\n')
  .filter((line) => line && !line.startsWith('#'));

export const formats = ['booksci', 'semantic-scholar', 'crossref', 'csl-json', 'bibtex', 'ris'];

/** The record text of `format` with `v` in every field. */
export function record(format, v) {
  switch (format) {
    case 'booksci':
      return JSON.stringify({
        title: v, TitleCN: v, authors: `${v}, Ada Lovelace`, doi: v, DOIUrl: v, url: v,
        abstract: `<p><strong>${v}:</strong> ${v}</p>`, AbstractTextCN: v,
        journal: { name: v }, JCR: 'Q1', JCRName: v, PeriodicalIF: 1.5, RegionNum: 2, RegionCategory: v,
        publicationDate: '2020-01-01', citationCount: 3, isOpenAccess: true, openAccessPdf: v,
      });
    case 'semantic-scholar':
      return JSON.stringify({
        paperId: 'p1', title: v, abstract: v, venue: v, year: 2020, url: v,
        authors: [{ authorId: '1', name: v }], externalIds: { DOI: v },
        journal: { name: v, volume: v, pages: v }, isOpenAccess: true, openAccessPdf: { url: v, status: 'GOLD' },
      });
    case 'crossref':
      return JSON.stringify({
        status: 'ok', 'message-type': 'work',
        message: {
          DOI: v, URL: v, type: 'journal-article', title: [v], 'container-title': [v], publisher: v,
          author: [{ given: v, family: v }], abstract: `<jats:p>${v}</jats:p>`, volume: v, page: v,
          link: [{ URL: v, 'content-type': 'application/pdf' }], issued: { 'date-parts': [[2020]] },
        },
      });
    case 'csl-json':
      return JSON.stringify([{
        id: 'x', type: 'article-journal', title: v, 'container-title': v, publisher: v, abstract: v,
        author: [{ family: v, given: v }, { literal: v }], URL: v, DOI: v, volume: v, page: v, note: v,
        issued: { 'date-parts': [[2020]] },
      }]);
    case 'bibtex':
      return `@article{x,\n  title = {${v}},\n  author = {${v} and Lovelace, Ada},\n  journal = {${v}},\n  abstract = {${v}},\n  url = {${v}},\n  doi = {${v}},\n  note = {${v}},\n  year = {2020}\n}\n`;
    case 'ris':
      return `TY  - JOUR\nTI  - ${v}\nAU  - ${v}\nT2  - ${v}\nAB  - ${v}\nUR  - ${v}\nDO  - ${v}\nL1  - ${v}\nPB  - ${v}\nPY  - 2020\nER  - \n`;
    default:
      throw new Error(format);
  }
}
