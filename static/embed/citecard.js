/*! citecard 0.1.0 | MIT OR Apache-2.0 | https://github.com/citecard/citecard */
// citecard embed: the <citation-card> element and the JS API.
//
//   <script type="module" src="https://your.host/citecard/citecard.js"></script>
//   <citation-card><script type="text/plain">RECORD</script></citation-card>
//
//   <citation-list src="pubs.bib" highlight="Knuth, Donald E."></citation-list>
//
// Every <citation-card> and <citation-list> on the page is upgraded,
// including those added later.
// A card rendered ahead of time (`citecard render`, a declarative shadow
// root) is hydrated in place: its markup stays and comes to life.
// Cards render in an open shadow root with their own stylesheet, so the page's
// CSS cannot reach them (theme them with --citecard-* properties and ::part).
// Nothing is requested from anywhere but the place this file was loaded from
// (and the `src` a page gives an element).
//
// Every file beside this one is named by a literal `import('./…')` or
// `new URL('./…', import.meta.url)`: the forms bundlers (Vite, webpack,
// esbuild, Rollup) follow, so that an app built from the npm package gets
// them copied and their names rewritten. Keep it that way.
const stylesheet = new URL('./citecard.css', import.meta.url).href;
const listStylesheet = new URL('./citecard-list.css', import.meta.url).href;
const RECORD_TYPES = ['text/plain', 'application/json', 'application/x-bibtex', 'application/x-research-info-systems'];
const FETCH_TIMEOUT_MS = 10000;
// The card's options, as attributes and as the JS API's options object.
const OPTIONS = ['format', 'style', 'theme', 'variant', 'lang'];
// `style` is also the global attribute for inline CSS, which React insists
// on (an object there): `cite-style` says the same, and wins.
const CITE_STYLE = 'cite-style';
// A publication list's own attributes (ListOptions in src/ui/list/options.rs).
const LIST_OPTIONS = ['group-by', 'sort', 'highlight', 'selected', 'search', 'page-size'];
// The mark `citecard render` leaves on a pre-rendered card's container.
const PRERENDERED = 'data-citecard-render';

// Cards mount one per task, so a page with a hundred of them never blocks
// the main thread for more than one card's render at a time.
let mounting = Promise.resolve();
function scheduleMount(job) {
  const done = mounting.then(job);
  mounting = done.catch(() => {}).then(() => new Promise((resolve) => setTimeout(resolve, 0)));
  return done;
}

// <citation-card loading="lazy"> starts when it comes near the viewport.
const lazyCards = 'IntersectionObserver' in globalThis
  ? new IntersectionObserver((entries) => {
      for (const entry of entries) {
        if (entry.isIntersecting) {
          lazyCards.unobserve(entry.target);
          entry.target.start();
        }
      }
    }, { rootMargin: '200px' })
  : null;

let loading;
// Whether the loaded build hydrates pre-rendered cards (citecard-hydrate).
let hydrating = false;
/**
 * Load the embed module and its wasm once; resolves to the module. The glue
 * is imported here rather than statically, so that this file runs (and the
 * cards show their skeletons) without waiting for it, and the wasm download
 * starts beside the glue's instead of after it: one round trip less before
 * the first card.
 *
 * A page that holds pre-rendered cards gets the build that can hydrate them
 * (citecard-hydrate, about 16 KB gzipped more); a page of script-drawn
 * cards does not pay for it. A page with a publication list gets the build
 * with lists (citecard-list, which hydrates too), for its cards as well.
 */
function ready() {
  loading ??= (() => {
    const list = document.querySelector('citation-list') !== null;
    const hydrate = list || [...document.querySelectorAll('citation-card')].some((card) => card.shadowRoot?.querySelector(`[${PRERENDERED}]`));
    hydrating = hydrate;
    if (list) return Promise.all([import('./citecard-list.js'), fetch(new URL('./citecard-list_bg.wasm', import.meta.url))]);
    if (hydrate) return Promise.all([import('./citecard-hydrate.js'), fetch(new URL('./citecard-hydrate_bg.wasm', import.meta.url))]);
    return Promise.all([import('./citecard-embed.js'), fetch(new URL('./citecard-embed_bg.wasm', import.meta.url))]);
  })().then(([embed, wasm]) => start(embed, wasm));
  return loading;
}

/** Instantiate a build's wasm and tell it how to load the lazy modules. */
async function start(build, wasm) {
  await build.default({ module_or_path: wasm });
  build.set_cite_module(citeModule);
  build.set_bibtex_module(readerModules.bibtex);
  build.set_readers_module(readerModules.readers);
  return build;
}

let listLoading;
/**
 * The module with lists: the one `ready()` loaded when the page had a list
 * then, else (a list added after the cards loaded theirs) loaded now.
 */
async function listReady() {
  const embed = await ready();
  if (embed.mount_list) return embed;
  listLoading ??= import('./citecard-list.js').then((list) => start(list, new URL('./citecard-list_bg.wasm', import.meta.url)));
  return listLoading;
}

/** Fetch `src` (relative to the page) as text: no credentials, 10 s at most. */
async function fetchText(src) {
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(), FETCH_TIMEOUT_MS);
  try {
    const response = await fetch(new URL(src, document.baseURI), { signal: abort.signal, credentials: 'omit' });
    if (!response.ok) throw new Error(`${src}: HTTP ${response.status}`);
    return await response.text();
  } catch (error) {
    throw new Error(error.name === 'AbortError' ? `${src}: no answer after ${FETCH_TIMEOUT_MS / 1000} s` : error.message);
  } finally {
    clearTimeout(timer);
  }
}

// The CSL styles the page's elements asked for (csl-src, csl-locale-src),
// each fetched and compiled once per page.
const pageStyles = new Map();
/**
 * The style at `cslSrc` (with the locale at `localeSrc`), compiled by the
 * citation module: resolves to its { id, title, lang, warnings }. A
 * dependent style brings its parent from where the CSL styles repository
 * keeps it, beside its folder (`../nature.csl` for `dependent/…`).
 */
function pageStyle(cslSrc, localeSrc) {
  const key = `${cslSrc}\n${localeSrc ?? ''}`;
  if (!pageStyles.has(key)) {
    const loading = (async () => {
      const [csl, locale, module] = await Promise.all([
        fetchText(cslSrc),
        localeSrc ? fetchText(localeSrc) : undefined,
        citeModule(),
      ]);
      const named = (what, source) => {
        try {
          return module.style_info(source);
        } catch (error) {
          throw new Error(`${what}: ${error.message}`);
        }
      };
      let info = named(cslSrc, { csl, locale });
      if (info.parent) {
        const parentSrc = new URL(`../${info.parent}.csl`, new URL(cslSrc, document.baseURI)).href;
        info = named(cslSrc, { csl: await fetchText(parentSrc), dependent: csl, locale });
      }
      for (const warning of info.warnings) console.warn(`citecard: ${cslSrc}: ${warning}`);
      return info;
    })();
    pageStyles.set(key, loading);
    loading.catch(() => pageStyles.delete(key));
  }
  return pageStyles.get(key);
}

/**
 * A lazy wasm module, loaded once with its wasm (a failed load is tried
 * again on the next call). Both URLs are written out where this is called,
 * in the forms bundlers follow.
 */
function lazyModule(load, wasm) {
  let loading;
  return () => {
    loading ??= load().then(async (m) => {
      await m.default({ module_or_path: wasm });
      return m;
    });
    loading.catch(() => {
      loading = undefined;
    });
    return loading;
  };
}

/** The citation module (styles and exports), for the API and the cards. */
const citeModule = lazyModule(() => import('./citecard-cite.js'), new URL('./citecard-cite_bg.wasm', import.meta.url));
/** The modules that read what the card does not read itself, for the first such record (a card's or the API's). */
const readerModules = {
  /** BibTeX and BibLaTeX. */
  bibtex: lazyModule(() => import('./citecard-bibtex.js'), new URL('./citecard-bibtex_bg.wasm', import.meta.url)),
  /** RIS, Crossref and Semantic Scholar. */
  readers: lazyModule(() => import('./citecard-readers.js'), new URL('./citecard-readers_bg.wasm', import.meta.url)),
};

function skeleton(theme, variant) {
  const card = document.createElement('article');
  card.className = 'citecard citecard-skeleton';
  card.setAttribute('part', 'card skeleton');
  card.setAttribute('aria-busy', 'true');
  card.dataset.theme = theme || 'auto';
  // The height of the card to come, so that nothing below it jumps.
  card.dataset.variant = variant === 'compact' ? 'compact' : 'full';
  card.dataset.testid = 'card-skeleton';
  for (const bone of ['type', 'title', 'line', 'short']) {
    const div = document.createElement('div');
    div.className = `citecard-bone citecard-bone-${bone}`;
    card.append(div);
  }
  return card;
}

/**
 * The title and first authors of an inline record, for the skeleton to show
 * while the wasm loads (the record is in the page already): read plainly
 * from JSON records (BookSci, CSL-JSON, Crossref, Semantic Scholar) and RIS,
 * tags dropped, shown as text only. Nothing for other inputs; the wasm reads
 * the record properly either way.
 */
function preview(text) {
  const input = text.trim();
  let title;
  let authors;
  if (input.startsWith('{') || input.startsWith('[')) {
    try {
      let item = JSON.parse(input);
      if (Array.isArray(item)) item = item[0];
      if (item?.message) item = item.message;
      if (Array.isArray(item?.data)) item = item.data[0];
      title = Array.isArray(item?.title) ? item.title[0] : item?.title;
      const people = item?.author ?? item?.authors;
      authors = typeof people === 'string'
        ? people
        : Array.isArray(people)
          ? people.slice(0, 3).map((p) => p?.name ?? p?.literal ?? [p?.given, p?.family].filter(Boolean).join(' ')).join(', ')
          : undefined;
    } catch {
      // Not JSON after all: the wasm says what it is.
    }
  } else if (/^TY {2}- /m.test(input)) {
    title = input.match(/^(?:TI|T1) {2}- (.*)$/m)?.[1];
    authors = [...input.matchAll(/^(?:AU|A1) {2}- (.*)$/gm)].slice(0, 3).map((m) => m[1]).join('; ');
  }
  const clean = (value) => (typeof value === 'string' ? value.replace(/<[^>]*>/g, '').replace(/\s+/g, ' ').trim().slice(0, 300) : '');
  return { title: clean(title), authors: clean(authors) };
}

/** Put the record's title and authors into a skeleton in `container`, as text. */
function fillSkeleton(container, text) {
  const card = container.querySelector('.citecard-skeleton');
  const { title, authors } = preview(text);
  if (!card || !title) return;
  const heading = document.createElement('p');
  heading.className = 'citecard-title citecard-skeleton-title';
  heading.dir = 'auto';
  heading.textContent = title;
  card.querySelector('.citecard-bone-title')?.replaceWith(heading);
  if (authors) {
    const names = document.createElement('p');
    names.className = 'citecard-authors';
    names.dir = 'auto';
    names.textContent = authors;
    card.querySelector('.citecard-bone-line')?.replaceWith(names);
  }
}

// The skeleton until the wasm draws its own (which announces itself); it
// holds no interface words, so those live in one place, the wasm's, and
// at most the record's own title and authors (fillSkeleton).
// Only when the wasm itself cannot load does this script draw the error
// card, with the browser's message and nothing of its own.
function errorCard(message, theme) {
  const card = document.createElement('article');
  card.className = 'citecard citecard-error';
  card.setAttribute('part', 'card error');
  card.setAttribute('role', 'alert');
  card.dataset.theme = theme || 'auto';
  card.dataset.testid = 'error-card';
  const text = document.createElement('p');
  text.className = 'citecard-error-message';
  text.dataset.testid = 'error-message';
  text.textContent = message;
  card.append(text);
  return card;
}

/** Attach (or reuse) a shadow root with the stylesheets and a container. */
function shadowContainer(host, sheets) {
  const root = host.shadowRoot ?? host.attachShadow({ mode: 'open' });
  let container = root.querySelector('div[data-citecard-root]');
  if (!container) {
    // The stylesheets, linked (no inline <style>, so a strict CSP needs no
    // 'unsafe-inline'); the first also styles :host.
    const links = sheets.map((href) => {
      const link = document.createElement('link');
      link.rel = 'stylesheet';
      link.href = href;
      return link;
    });
    container = document.createElement('div');
    container.dataset.citecardRoot = '';
    root.append(...links, container);
  }
  return container;
}

/**
 * What <citation-card> and <citation-list> share: a record text from `src`,
 * `record` or a child script; a shadow root with the stylesheet and a
 * container; re-rendering when an attribute changes; destroying when the
 * element leaves the page. Subclasses say which attributes they read, what
 * shows while the wasm loads, and how the wasm mounts them.
 */
// Importing this module where there is no DOM (a server render of an app
// that uses it) defines nothing and throws nothing.
class RecordElement extends (globalThis.HTMLElement ?? class {}) {
  #container = null;
  #mounted = null;
  #generation = 0;
  #fetched = null;
  #started = false;

  /** The attributes passed to the wasm (the options object). */
  static options = OPTIONS;
  /** The stylesheets its shadow root links. */
  static sheets = [stylesheet];

  connectedCallback() {
    this.#container ??= shadowContainer(this, this.constructor.sheets);
    if (this.getAttribute('loading') === 'lazy' && lazyCards && !this.#started) {
      if (!this.#mounted && !this.#prerendered()) this.#container.replaceChildren(this.placeholder());
      lazyCards.observe(this);
      return;
    }
    this.start();
  }

  /** Render now (lazy elements call this when they come into view). */
  start() {
    this.#started = true;
    if (this.isConnected) this.#render();
  }

  /** Whether the container still holds markup rendered ahead of time. */
  #prerendered() {
    return this.#container?.hasAttribute(PRERENDERED) ?? false;
  }

  disconnectedCallback() {
    lazyCards?.unobserve(this);
    // Moving the element fires disconnect then connect: only destroy when it is gone.
    queueMicrotask(() => {
      if (!this.isConnected) this.#destroy();
    });
  }

  attributeChangedCallback(name, before, after) {
    if (before === after || !this.#container || !this.#started) return;
    if (name === 'src') this.#fetched = null;
    this.#render();
  }

  #destroy() {
    this.#generation += 1;
    if (this.#mounted) {
      this.#mounted.destroy();
      this.#mounted.free();
      this.#mounted = null;
    }
    this.#container?.replaceChildren();
  }

  async #record() {
    const src = this.getAttribute('src');
    if (src) {
      if (this.#fetched?.src === src) return this.#fetched.text;
      const text = await fetchText(src);
      this.#fetched = { src, text };
      return text;
    }
    const record = this.getAttribute('record');
    if (record !== null) return record;
    const script = [...this.children].find((c) => c.localName === 'script' && RECORD_TYPES.includes((c.type || 'text/plain').toLowerCase()));
    return script ? script.textContent : '';
  }

  async #render() {
    const generation = ++this.#generation;
    const theme = this.getAttribute('theme');
    // Markup rendered ahead of time stays as it is until the wasm takes it over.
    if (!this.#mounted && !this.#prerendered()) this.#container.replaceChildren(this.placeholder());
    const cslSrc = this.getAttribute('csl-src');
    const styled = cslSrc ? pageStyle(cslSrc, this.getAttribute('csl-locale-src')) : Promise.resolve(null);
    let style = null;
    const options = () => ({
      ...Object.fromEntries(this.constructor.options.map((name) => [name, this.getAttribute(name)])),
      style: this.getAttribute(CITE_STYLE) ?? this.getAttribute('style'),
      csl: style?.id ?? null,
      'csl-title': style?.title ?? null,
    });
    const fail = (embed, error) => {
      if (generation !== this.#generation) return;
      // Without the wasm, a pre-rendered card is still the whole card:
      // keep it rather than show an error in its place.
      if (!embed && this.#prerendered()) {
        console.warn('citecard: the element stays as rendered:', error);
        return;
      }
      this.#destroy();
      this.#generation = generation;
      const message = String(error.message || error);
      if (embed) this.#mounted = this.mount(embed, this.#container, '', options(), message);
      else this.#container.replaceChildren(errorCard(message, theme));
    };
    const loaded = this.load();
    // The record is in the page: what of it the placeholder can show, at once.
    this.#record().then((text) => {
      if (generation === this.#generation && !this.#mounted && !this.#prerendered()) this.preview(this.#container, text);
    }, () => {});
    let text, embed;
    try {
      [text, embed, style] = await Promise.all([this.#record(), loaded, styled]);
    } catch (error) {
      fail(await loaded.catch(() => null), error);
      return;
    }
    await scheduleMount(() => {
      if (generation !== this.#generation || !this.isConnected) return;
      if (this.#mounted) {
        this.#mounted.update(text, options());
      } else {
        // The hydrating build takes a pre-rendered card over in place (or
        // draws a stale one again), so that one is not cleared first.
        if (!hydrating || !this.#prerendered()) {
          this.#destroy();
          this.#generation = generation;
          this.#container.removeAttribute(PRERENDERED);
        }
        this.#mounted = this.mount(embed, this.#container, text, options());
      }
    });
  }
}

class CitationCardElement extends RecordElement {
  static observedAttributes = ['record', 'src', 'csl-src', 'csl-locale-src', CITE_STYLE, ...OPTIONS];
  // (`loading="lazy"` is read once, when the element is connected.)

  load() {
    return ready();
  }

  placeholder() {
    return skeleton(this.getAttribute('theme'), this.getAttribute('variant'));
  }

  preview(container, text) {
    fillSkeleton(container, text);
  }

  mount(embed, container, text, options, failure) {
    return embed.mount(container, text, options, failure);
  }
}

class CitationListElement extends RecordElement {
  static options = [...OPTIONS, ...LIST_OPTIONS];
  static sheets = [stylesheet, listStylesheet];
  static observedAttributes = ['record', 'src', 'csl-src', 'csl-locale-src', CITE_STYLE, ...OPTIONS, ...LIST_OPTIONS];

  load() {
    return listReady();
  }

  placeholder() {
    const list = skeleton(this.getAttribute('theme'), 'compact');
    list.dataset.testid = 'list-skeleton';
    return list;
  }

  preview() {}

  mount(embed, container, text, options, failure) {
    return embed.mount_list(container, text, options, failure);
  }
}

/**
 * Each attribute as a property too (`card.theme = 'dark'`, `cslSrc` for
 * `csl-src`; null removes it), as the typings declare; but for those
 * HTMLElement has already (`lang`, and `style`, whose property is
 * `citeStyle`).
 */
function reflect(element, attributes) {
  for (const attribute of attributes) {
    const property = attribute.replace(/-([a-z])/g, (_, letter) => letter.toUpperCase());
    if (property in HTMLElement.prototype) continue;
    Object.defineProperty(element.prototype, property, {
      get() {
        return this.getAttribute(attribute);
      },
      set(value) {
        if (value == null) this.removeAttribute(attribute);
        else this.setAttribute(attribute, String(value));
      },
      configurable: true,
    });
  }
}

if (globalThis.customElements) {
  reflect(CitationCardElement, [...CitationCardElement.observedAttributes, 'loading']);
  reflect(CitationListElement, CitationListElement.observedAttributes);
  if (!customElements.get('citation-card')) customElements.define('citation-card', CitationCardElement);
  if (!customElements.get('citation-list')) customElements.define('citation-list', CitationListElement);
}

/**
 * Render the records in `recordText` as cards inside `element` (in its open
 * shadow root). `options`: { format, style, theme, variant, lang }.
 * Returns the <citation-card> element it used.
 */
export async function render(element, recordText, options = {}) {
  let card = element.localName === 'citation-card' ? element : element.querySelector(':scope > citation-card');
  if (!card) {
    card = document.createElement('citation-card');
    element.append(card);
  }
  for (const name of OPTIONS) {
    const attribute = name === 'style' ? CITE_STYLE : name;
    if (options[name] == null) card.removeAttribute(attribute);
    else card.setAttribute(attribute, String(options[name]));
  }
  card.setAttribute('record', recordText);
  return card;
}

/** Every readable record in `text` as CSL-JSON items. Throws on unreadable input. */
export async function parse(text, format) {
  const embed = await ready();
  // Read by a module, which writes the items: every record at once.
  const reader = embed.reader_module(text, format ?? undefined);
  const answer = (await readerModules[reader.module]()).read(text, reader.format, 0, 0xffffffff);
  const entries = answer.records ?? [];
  const items = entries.filter((entry) => entry.item).map((entry) => entry.item);
  const failure = answer.error ?? entries.find((entry) => entry.error)?.error;
  if (!items.length && failure) throw new Error(`line ${failure.line}, column ${failure.column}: ${failure.message}`);
  return items;
}

/** A style the JS API was given: a built-in id, or any CSL style as texts. */
function styleChoice(style) {
  if (typeof style === 'string') return style;
  const { csl, dependent, locale, lang } = style ?? {};
  if (typeof csl !== 'string') throw new TypeError('citecard: a style is an id or { csl, locale } (CSL XML texts)');
  return { csl, dependent, locale, lang };
}

/**
 * Each record in `text` formatted in `style` or exported, as "text" or
 * "html"; one entry per line. `style`: a built-in style (apa, mla, chicago,
 * harvard, ieee, vancouver, gb-t-7714-numeric, gb-t-7714-author-date), an
 * export (bibtex, ris, csl-json), or any CSL 1.0.2 style as
 * `{ csl, locale, lang }` (the style's and a locale's XML texts; a
 * dependent style as `{ csl: parentText, dependent: itsText }`), compiled
 * once per page.
 */
export async function cite(text, style = 'apa', format = 'text') {
  const choice = styleChoice(style);
  const [items, module, embed] = await Promise.all([parse(text), citeModule(), ready()]);
  return items
    .map((item) => {
      const answer = module.cite_reference(embed.handover(item), choice, true);
      return format === 'html' && answer.html ? answer.html : answer.text;
    })
    .join('\n');
}

/**
 * What a CSL style given as `{ csl, locale, lang }` is: `{ title, lang,
 * warnings, parent }` (`parent`: the style a dependent one needs, by its
 * short name). Throws a located error for a file that is not CSL.
 */
export async function styleInfo(style) {
  const { title, lang, warnings, parent } = (await citeModule()).style_info(styleChoice(style));
  return { title, lang, warnings, parent: parent || null };
}

globalThis.citecard = Object.freeze({ render, parse, cite, styleInfo });
