// The XSS audit: what no record, however hostile, may leave in a page; and
// the accessibility audit (axe-core, WCAG 2.2 AA).
import AxeBuilder from '@axe-core/playwright';

/** axe-core's WCAG 2.2 AA violations inside `include` (a selector), one string each. */
export async function axeViolations(page, include) {
  const results = await new AxeBuilder({ page })
    .include(include)
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
    .analyze();
  return results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`);
}

/** Everything dangerous in the shadow roots of the page's cards, as strings. */
export async function audit(page) {
  return page.evaluate(() => {
    const found = [];
    const forbidden = new Set(['script', 'img', 'iframe', 'svg', 'math', 'form', 'object', 'embed', 'style', 'meta', 'base', 'video', 'audio', 'input', 'textarea', 'frame', 'frameset', 'marquee']);
    const badUrl = /^\s*(javascript|data|vbscript):/i;
    for (const host of document.querySelectorAll('citation-card, citation-list')) {
      const root = host.shadowRoot;
      if (!root) continue;
      for (const el of root.querySelectorAll('*')) {
        const name = el.localName;
        // The one SVG the card draws itself: the open-access padlock, a
        // fixed path and nothing from the record.
        const padlock = name === 'svg' && el.classList.contains('citecard-oa-icon') && el.querySelectorAll('*').length === 1 && el.firstElementChild?.localName === 'path';
        // The one input: the Cite panel's own "include the abstract" box.
        const includeAbstract = name === 'input' && el.type === 'checkbox' && el.dataset.testid === 'include-abstract' && el.attributes.length <= 2;
        // A list's own inputs: its search box and Export's two choices.
        const listInput = name === 'input' && ((el.type === 'search' && el.dataset.testid === 'list-search')
          || (el.type === 'radio' && ['export-shown', 'export-all'].includes(el.dataset.testid)));
        // citecard render --inline-css: the card stylesheet, beside the cards.
        const inlineSheet = name === 'style' && el.parentNode === root && el.attributes.length === 0;
        if (forbidden.has(name) && !padlock && !includeAbstract && !listInput && !inlineSheet) found.push(`<${name}>`);
        // The card's own <details>: the legend, the folds, Cite and the
        // error card's details.
        // (and a list's Export and its notes).
        if (name === 'details' && !['citecard-legend', 'citecard-fold', 'citecard-cite', 'citecard-error-details', 'citecard-list-export citecard-scripted', 'citecard-list-note', 'citecard-list-note citecard-list-failed'].includes(el.className)) found.push('<details>');
        if (name === 'link' && !(el.rel === 'stylesheet' && /\/citecard(-list)?\.css$/.test(el.href))) found.push(`<link ${el.outerHTML}>`);
        for (const attr of el.attributes) {
          if (/^on/i.test(attr.name)) found.push(`${name}[${attr.name}]`);
          if (attr.name === 'style') found.push(`${name}[style]`);
          if (['href', 'src', 'action', 'formaction', 'xlink:href', 'srcdoc'].includes(attr.name) && badUrl.test(attr.value)) {
            found.push(`${name}[${attr.name}=${attr.value}]`);
          }
        }
        // A pre-rendered Cite panel links the record's own files beside the
        // page (citecard render --out), named from its citation key.
        const exported = name === 'a' && el.classList.contains('citecard-export') && el.hasAttribute('download') && /^[A-Za-z0-9_-]+\.(bib|ris)$/.test(el.getAttribute('href'));
        if (name === 'a' && el.hasAttribute('href') && !exported) {
          if (!/^https?:\/\//.test(el.getAttribute('href'))) found.push(`a[href=${el.getAttribute('href')}]`);
          if (el.getAttribute('rel') !== 'noopener noreferrer') found.push(`a[rel=${el.getAttribute('rel')}]`);
        }
      }
    }
    return found;
  });
}

// Runs in the page before anything else: alert, confirm and prompt count
// their calls in window.xssed instead of opening a dialog.
export const trapDialogs = () => {
  const trap = () => { window.xssed = (window.xssed ?? 0) + 1; };
  window.alert = trap;
  window.confirm = trap;
  window.prompt = trap;
};


/**
 * The light DOM of a page `citecard render` wrote, as strings: every script
 * is the card's own (a record as text/plain, JSON-LD that parses, the
 * module script citecard.js), no record left an element, handler, style or
 * link that is not http(s), and the machine-readable metadata links only
 * to http(s) too. With `audit`, the whole page.
 */
export async function auditPage(page) {
  const shadow = await audit(page);
  const light = await page.evaluate(() => {
    const found = [];
    const web = /^https?:\/\//;
    const allowed = new Set(['html', 'head', 'body', 'main', 'meta', 'title', 'style', 'link', 'script', 'h1', 'ol', 'li', 'p', 'a', 'span', 'citation-card', 'citation-list', 'template']);
    for (const el of document.querySelectorAll('*')) {
      const name = el.localName;
      if (!allowed.has(name)) found.push(`<${name}>`);
      for (const attr of el.attributes) {
        if (/^on/i.test(attr.name)) found.push(`${name}[${attr.name}]`);
        if (attr.name === 'style') found.push(`${name}[style]`);
      }
      if (name === 'style' && el.parentElement !== document.head) found.push('<style> outside the head');
      if (name === 'link' && !(el.rel === 'stylesheet' && /\/citecard(-list)?\.css$/.test(el.href))) found.push(`<link ${el.outerHTML}>`);
      if (name === 'meta' && el.hasAttribute('http-equiv')) found.push(`meta[http-equiv=${el.getAttribute('http-equiv')}]`);
      if (name === 'meta' && /_url$/.test(el.name) && !web.test(el.content)) found.push(`meta[${el.name}=${el.content}]`);
      if (name === 'a' && !(web.test(el.getAttribute('href')) || /^[A-Za-z0-9_-]+\.html$/.test(el.getAttribute('href')))) {
        found.push(`a[href=${el.getAttribute('href')}]`);
      }
      if (name === 'script') {
        const type = el.getAttribute('type');
        const inCard = el.parentElement?.localName === 'citation-card';
        const inList = el.parentElement?.localName === 'citation-list';
        if (type === 'application/ld+json' && inCard) {
          try {
            const walk = (value, key) => {
              if (typeof value === 'string' && ['url', 'sameAs', '@id'].includes(key) && !web.test(value)) found.push(`json-ld ${key}=${value}`);
              if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) walk(v, Array.isArray(value) ? key : k);
            };
            walk(JSON.parse(el.textContent), '');
          } catch (error) {
            found.push(`json-ld that does not parse: ${error.message}`);
          }
        } else if (type === 'application/json' && inList) {
          // A list's records, as CSL-JSON: data, never script.
          try {
            if (!Array.isArray(JSON.parse(el.textContent))) found.push('list records that are not an array');
          } catch (error) {
            found.push(`list records that do not parse: ${error.message}`);
          }
        } else if (!(type === 'text/plain' && inCard) && !(type === 'module' && /\/citecard\.js$/.test(el.src))) {
          found.push(`<script type=${type}> ${el.outerHTML.slice(0, 80)}`);
        }
      }
    }
    return found;
  });
  return [...shadow, ...light];
}
