// The package as a bundled app imports it: the element, and the JS API.
import { cite } from 'citecard';

const record = document.querySelector('citation-card script').textContent;
cite(record, 'apa').then((text) => {
  document.querySelector('#apa').textContent = text;
});
