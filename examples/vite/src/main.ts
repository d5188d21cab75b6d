// What a Vite user writes: one import defines the elements; the API is typed.
import { cite, parse, type CslItem } from 'citecard';

// A typed property for each attribute: `card.variant = 'tiny'` would not compile.
const card = document.querySelector('citation-card');
if (card) card.variant = 'compact';

const record = card?.querySelector('script')?.textContent ?? '';
const items: CslItem[] = await parse(record, 'bibtex');
const apa = await cite(record, 'apa', 'text');
const output = document.querySelector<HTMLOutputElement>('#apa');
if (output) {
  output.value = apa;
  output.dataset.items = String(items.length);
}
