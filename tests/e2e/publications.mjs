// A lab's publication list as a .bib, of any length: what the list's
// performance test and benchmark read. Each entry has four authors (the
// owner among them), a venue, a year, pages, a DOI and a 60-word abstract,
// with diacritics and Chinese in the text; every fifth is a conference
// paper, every eleventh a book. About 740 bytes an entry.
const words = 'sleep memory graph network learning protein cell model theory analysis data neural quantum climate ocean reading 阅读 Müller école'.split(' ');
const pick = (i, n) => words[(i * 7 + n * 13) % words.length];

/** `count` BibTeX entries, the owner "Knuth, Donald E." in each. */
export function publications(count) {
  let out = '';
  for (let i = 0; i < count; i++) {
    const type = i % 5 === 0 ? 'inproceedings' : i % 11 === 0 ? 'book' : 'article';
    const venue = type === 'inproceedings'
      ? `booktitle = {Proceedings of the ${pick(i, 2)} conference}`
      : type === 'book' ? 'publisher = {Academic Press}' : `journal = {Journal of ${pick(i, 3)} research}`;
    out += `@${type}{entry${i},
  author = {Knuth, Donald E. and M{\\"u}ller, Hans and Author${i}, Some and Other, A. N.},
  title = {On the ${pick(i, 1)} of ${pick(i, 4)} and ${pick(i, 5)}: study ${i}},
  ${venue},
  year = {${1990 + (i % 35)}},
  volume = {${i % 40}}, pages = {${i}--${i + 10}},
  doi = {10.1000/entry.${i}},
  abstract = {${Array.from({ length: 60 }, (_, n) => pick(i, n)).join(' ')}.}
}
`;
  }
  return out;
}
