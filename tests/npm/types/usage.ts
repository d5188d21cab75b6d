// Everything the package's typings declare, used as the README says.
import { cite, parse, render, styleInfo } from 'citecard';
import type { CardOptions, CslItem, CslStyleSource, StyleInfo, CitationCardElement, CitationListElement } from 'citecard';

export async function usage(recordText: string, natureXml: string, deDe: string): Promise<string[]> {
  const options: CardOptions = { theme: 'dark', style: 'ieee', variant: 'compact', lang: 'zh-CN', format: 'bibtex' };
  const card: CitationCardElement = await render(document.body, recordText, options);
  card.theme = 'light';
  card.citeStyle = 'gb-t-7714-numeric';
  card.cslSrc = '/styles/nature.csl';
  card.loading = 'lazy';
  card.start();

  const found = document.querySelector('citation-card');
  const list: CitationListElement | null = document.querySelector('citation-list');
  if (found) found.variant = 'full';
  if (list) {
    list.groupBy = 'type';
    list.sort = 'citations';
    list.search = 'off';
    list.highlight = 'Knuth, Donald E.';
  }
  const created: CitationCardElement = document.createElement('citation-card');
  created.record = recordText;

  const items: CslItem[] = await parse(recordText, 'ris');
  const first = items[0];
  const year: number | string | undefined = first?.issued?.['date-parts']?.[0][0];
  const family: string | undefined = first?.author?.[0]?.family;
  const quartile = first?.custom?.['jcr-quartile'];
  const doi: string | undefined = first?.DOI;

  const source: CslStyleSource = { csl: natureXml, locale: deDe };
  const info: StyleInfo = await styleInfo(source);
  const parent: string | null = info.parent;
  return [
    await cite(recordText),
    await cite(recordText, 'apa', 'html'),
    await cite(recordText, 'bibtex'),
    await cite(recordText, source, 'text'),
    await window.citecard.cite(recordText, 'mla'),
    String(year), family ?? '', quartile ?? '', doi ?? '', info.title, info.lang, ...info.warnings, parent ?? '',
  ];
}
