// <citation-card> and <citation-list> in Preact's JSX (Preact 10.19 and later):
//   import type {} from 'citecard/preact';
import type { CitationCardAttributes, CitationListAttributes } from 'citecard';
import type { HTMLAttributes } from 'preact';

/** Preact's props for an element, with `style` as the card's style. */
type Props<A> = Omit<HTMLAttributes<HTMLElement>, keyof A | 'style'> & A;

declare module 'preact' {
  namespace JSX {
    interface IntrinsicElements {
      'citation-card': Props<CitationCardAttributes>;
      'citation-list': Props<CitationListAttributes>;
    }
  }
}
