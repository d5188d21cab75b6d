// The elements in React's JSX (React 19's types), with `cite-style`.
import type {} from 'citecard/react';

export function Good() {
  return (
    <>
      <citation-card src="/refs/knuth.bib" theme="dark" cite-style="ieee" variant="compact" loading="lazy" className="paper" />
      <citation-list src="/pubs.bib" group-by="type" sort="citations" highlight="Knuth, Donald E." page-size={20} search="off" />
    </>
  );
}

export function Bad() {
  return (
    <>
      {/* @ts-expect-error: no such theme */}
      <citation-card theme="purple" />
      {/* @ts-expect-error: no such grouping */}
      <citation-list group-by="journal" />
      {/* @ts-expect-error: no such attribute */}
      <citation-card colour="red" />
    </>
  );
}
