/** @jsxImportSource preact */
// The elements in Preact's JSX, where `style` is the card's style.
import type {} from 'citecard/preact';

export function Good() {
  return (
    <>
      <citation-card src="/refs/knuth.bib" theme="auto" style="gb-t-7714-numeric" lang="zh-CN" class="paper" />
      <citation-list src="/pubs.bib" group-by="year" sort="title" />
    </>
  );
}

export function Bad() {
  return (
    <>
      {/* @ts-expect-error: no such style */}
      <citation-card style="apa7" />
      {/* @ts-expect-error: no such sort */}
      <citation-list sort="random" />
    </>
  );
}
