// Each line below misuses the API or an element: each must fail to
// type-check (tsc reports an unused @ts-expect-error if one does not).
import { cite, parse, render, styleInfo } from 'citecard';

export async function wrong(text: string): Promise<void> {
  // @ts-expect-error: no such theme
  await render(document.body, text, { theme: 'purple' });
  // @ts-expect-error: no such style
  await render(document.body, text, { style: 'apa7' });
  // @ts-expect-error: no such option
  await render(document.body, text, { colour: 'dark' });
  // @ts-expect-error: no such format
  await parse(text, 'endnote');
  // @ts-expect-error: no such output
  await cite(text, 'apa', 'markdown');
  // @ts-expect-error: a CSL style is { csl }, not { xml }
  await cite(text, { xml: '<style/>' });
  // @ts-expect-error: styleInfo takes CSL text, not an id
  await styleInfo('apa');
  // @ts-expect-error: the record is text
  await parse(42);

  const card = document.querySelector('citation-card');
  const list = document.querySelector('citation-list');
  if (!card || !list) return;
  // @ts-expect-error: no such theme
  card.theme = 'purple';
  // @ts-expect-error: no such variant
  card.variant = 'tiny';
  // @ts-expect-error: no such citation style
  card.citeStyle = 'harvard1';
  // @ts-expect-error: a list's grouping
  list.groupBy = 'journal';
  // @ts-expect-error: a list's order
  list.sort = 'random';
  // @ts-expect-error: `search` is on or off
  list.search = 'yes';
  // @ts-expect-error: the card has no such property
  card.groupBy = 'year';

  const items = await parse(text);
  // @ts-expect-error: CSL-JSON names are objects
  items[0].author = ['Knuth'];
  // @ts-expect-error: no such item type
  items[0].type = 'journal-article';
}
