// <citation-card> and <citation-list> in React's JSX (React 18 and 19):
//   import type {} from 'citecard/react';
import type { CitationCardAttributes, CitationListAttributes } from 'citecard';
import type { DetailedHTMLProps, HTMLAttributes } from 'react';

/** React's props for an element, with `style` left to the card (use `cite-style` in React). */
type Props<A> = Omit<DetailedHTMLProps<HTMLAttributes<HTMLElement>, HTMLElement>, keyof A | 'style'> & A;

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements {
      'citation-card': Props<Omit<CitationCardAttributes, 'style'>>;
      'citation-list': Props<Omit<CitationListAttributes, 'style'>>;
    }
  }
}
