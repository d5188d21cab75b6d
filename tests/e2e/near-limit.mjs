// Inputs just under the 10 MB limit, in the shapes that cost citecard most:
// measured by tests/bench/near-limit.spec.mjs, two held under 200 ms per task
// by perf.spec.mjs. Each is a function, so that only the ones used are built.
import { seedRecord } from './embed.mjs';

const N = 9_900_000;
const seed = () => JSON.parse(seedRecord.split('\n')[0]);
/** `chars` characters of HTML with a tag every 19 (each tag a DOM node to read). */
const tagDense = (chars) => `<p>${'lorem <b>ipsum</b> '.repeat(Math.floor(chars / 19))}</p>`;

export const nearLimitShapes = {
  'RIS, one record of 1.2 million lines': () => `TY  - JOUR\nTI  - Big\n${'AB  - x\n'.repeat(Math.floor((N - 40) / 8))}ER  - \n`,
  'RIS, 1,000 records with 9.6 KB abstracts': () => {
    const record = `TY  - JOUR\nTI  - ${seed().title}\nAU  - Lovelace, Ada\nAB  - ${'lorem ipsum '.repeat(800)}\nER  - \n`;
    return record.repeat(Math.min(1_000, Math.floor(N / record.length)));
  },
  'BookSci, one record with a 10 MB tag-dense abstract': () => JSON.stringify({ ...seed(), abstract: tagDense(N - 3_000) }),
  'BookSci, 9,999 authors': () => JSON.stringify({ ...seed(), authors: Array.from({ length: 9_999 }, (_, i) => `Author Number${i}`).join(', ') }),
  'BookSci, 1,000 records with tag-dense 9.5 KB abstracts': () => {
    const line = `${JSON.stringify({ ...seed(), abstract: tagDense(9_500) })}\n`;
    return line.repeat(Math.min(1_000, Math.floor(N / line.length)));
  },
  'BookSci, one record with four 2.5 MB tag-dense fields': () => {
    const d = tagDense(N / 4 - 1_000);
    return JSON.stringify({ ...seed(), title: d, journal: d, abstract: d, AbstractTextCN: d });
  },
  'CSL-JSON, 1,000 items with 9.6 KB abstracts, on one line': () => {
    const item = { type: 'article-journal', title: 'T', author: [{ family: 'A', given: 'B' }], abstract: 'lorem ipsum '.repeat(800) };
    return JSON.stringify(Array.from({ length: 1_000 }, () => item));
  },
};
