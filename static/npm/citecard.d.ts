/*! citecard 0.1.0 | MIT OR Apache-2.0 | https://github.com/citecard/citecard */
// The public API of the `citecard` npm package: the <citation-card> and
// <citation-list> elements, and `render`, `parse`, `cite` and `styleInfo`.
// custom-elements.json describes the same elements for editors.

/** A record format citecard reads. Without one, the format is detected. */
export type RecordFormat = 'booksci' | 'crossref' | 'semantic-scholar' | 'csl-json' | 'bibtex' | 'ris';

/** A built-in citation style. */
export type StyleId =
  | 'apa'
  | 'mla'
  | 'chicago'
  | 'harvard'
  | 'ieee'
  | 'vancouver'
  | 'gb-t-7714-numeric'
  | 'gb-t-7714-author-date';

/** An export `cite` writes instead of a citation. */
export type ExportId = 'bibtex' | 'ris' | 'csl-json';

/** `auto` follows the reader's `prefers-color-scheme`. */
export type Theme = 'auto' | 'light' | 'dark';

/** `compact`: title, authors, venue and Cite only. */
export type Variant = 'full' | 'compact';

/** The interface language: English, or Chinese (`zh`, `zh-CN`). */
export type Lang = 'en' | 'zh' | 'zh-CN';

/** A publication list's headings. */
export type GroupBy = 'year' | 'type' | 'none';

/** A publication list's order. */
export type SortBy = 'year' | 'citations' | 'impact' | 'title' | 'author';

/** The card's options: the JS API's `options` and the elements' attributes. */
export interface CardOptions {
  /** The record's format (default: detected). */
  format?: RecordFormat | null;
  /** The style the Cite panel opens on (default: APA; GB/T 7714 numeric in 中文). */
  style?: StyleId | null;
  /** The colour theme (default `auto`). */
  theme?: Theme | null;
  /** How much of the record the card shows (default `full`). */
  variant?: Variant | null;
  /** The interface language (default: the page's `<html lang>`, else the browser's). */
  lang?: Lang | null;
}

/**
 * Any CSL 1.0.2 style, as XML text: `csl` is the style (a dependent style's
 * parent, when `dependent` is given), `locale` a CSL locale file, `lang`
 * the locale to format in (default: the style's `default-locale`).
 */
export interface CslStyleSource {
  csl: string;
  dependent?: string;
  locale?: string;
  lang?: string;
}

/** What a CSL style is, as `styleInfo` reads it. */
export interface StyleInfo {
  /** The style's `<title>`. */
  title: string;
  /** The locale it formats in, e.g. `en-GB`. */
  lang: string;
  /** Features of the style citecard does not implement, each named. */
  warnings: string[];
  /** For a dependent style, the short name of the parent it needs. */
  parent: string | null;
}

/** A name in CSL-JSON. */
export interface CslName {
  family?: string;
  given?: string;
  'dropping-particle'?: string;
  'non-dropping-particle'?: string;
  suffix?: string;
  'comma-suffix'?: string | number | boolean;
  'static-ordering'?: string | number | boolean;
  literal?: string;
  'parse-names'?: string | number | boolean;
}

/** A date in CSL-JSON: one date, or a range of two. */
export interface CslDate {
  'date-parts'?: [[number | string, (number | string)?, (number | string)?]] |
    [[number | string, (number | string)?, (number | string)?], [number | string, (number | string)?, (number | string)?]];
  season?: string | number;
  circa?: string | number | boolean;
  literal?: string;
  raw?: string;
}

/** A CSL item type (CSL 1.0.2). */
export type CslItemType =
  | 'article' | 'article-journal' | 'article-magazine' | 'article-newspaper' | 'bill' | 'book'
  | 'broadcast' | 'chapter' | 'classic' | 'collection' | 'dataset' | 'document' | 'entry'
  | 'entry-dictionary' | 'entry-encyclopedia' | 'event' | 'figure' | 'graphic' | 'hearing'
  | 'interview' | 'legal_case' | 'legislation' | 'manuscript' | 'map' | 'motion_picture'
  | 'musical_score' | 'pamphlet' | 'paper-conference' | 'patent' | 'performance' | 'periodical'
  | 'personal_communication' | 'post' | 'post-weblog' | 'regulation' | 'report' | 'review'
  | 'review-book' | 'software' | 'song' | 'speech' | 'standard' | 'thesis' | 'treaty' | 'webpage';

/** A CSL name variable. */
export type CslNameVariable =
  | 'author' | 'chair' | 'collection-editor' | 'compiler' | 'composer' | 'container-author'
  | 'contributor' | 'curator' | 'director' | 'editor' | 'editorial-director' | 'executive-producer'
  | 'guest' | 'host' | 'interviewer' | 'illustrator' | 'narrator' | 'organizer' | 'original-author'
  | 'performer' | 'producer' | 'recipient' | 'reviewed-author' | 'script-writer' | 'series-creator'
  | 'translator';

/** A CSL date variable. */
export type CslDateVariable = 'accessed' | 'available-date' | 'event-date' | 'issued' | 'original-date' | 'submitted';

/** A CSL number variable (written as a number or as text). */
export type CslNumberVariable =
  | 'chapter-number' | 'citation-number' | 'collection-number' | 'edition' | 'first-reference-note-number'
  | 'issue' | 'locator' | 'number' | 'number-of-pages' | 'number-of-volumes' | 'page' | 'page-first'
  | 'part-number' | 'printing-number' | 'section' | 'supplement-number' | 'volume';

/** A CSL text variable. */
export type CslStringVariable =
  | 'abstract' | 'annote' | 'archive' | 'archive_collection' | 'archive_location' | 'archive-place'
  | 'authority' | 'call-number' | 'citation-key' | 'citation-label' | 'collection-title'
  | 'container-title' | 'container-title-short' | 'dimensions' | 'division' | 'DOI' | 'event'
  | 'event-title' | 'event-place' | 'genre' | 'ISBN' | 'ISSN' | 'jurisdiction' | 'keyword'
  | 'language' | 'license' | 'medium' | 'note' | 'original-publisher' | 'original-publisher-place'
  | 'original-title' | 'part-title' | 'PMCID' | 'PMID' | 'publisher' | 'publisher-place'
  | 'references' | 'reviewed-genre' | 'reviewed-title' | 'scale' | 'source' | 'status' | 'title'
  | 'title-short' | 'URL' | 'version' | 'volume-title' | 'volume-title-short' | 'year-suffix';

/** What citecard keeps beside the CSL variables, under `custom`. */
export interface CitecardCustom {
  'title-zh'?: string;
  /** Sanitised HTML. */
  'abstract-zh'?: string;
  'pdf-url'?: string;
  'open-access'?: boolean;
  'epub-date'?: CslDate;
  'fields-of-study'?: string[];
  'jcr-quartile'?: 'Q1' | 'Q2' | 'Q3' | 'Q4';
  'jcr-category'?: string;
  'impact-factor'?: number;
  'cas-zone'?: number;
  'cas-category'?: string;
  'citation-count'?: number;
  /** DOIs of the published versions of this preprint. */
  'is-preprint-of'?: string[];
  /** DOIs of this work's preprints. */
  'has-preprint'?: string[];
  /** The format the record was read from. */
  'source-format'?: RecordFormat;
  /** Fields citecard inferred rather than read. */
  inferred?: string[];
  /** The key the record was read with, where the item's id is not it. */
  'source-key'?: string;
  /** The record's other fields, as text. */
  [field: string]: unknown;
}

/** A CSL-JSON item (CSL 1.0.2), as `parse` returns them. */
export type CslItem = {
  id: string | number;
  type: CslItemType;
  categories?: string[];
  custom?: CitecardCustom;
} & { [V in CslNameVariable]?: CslName[] }
  & { [V in CslDateVariable]?: CslDate }
  & { [V in CslNumberVariable]?: string | number }
  & { [V in CslStringVariable]?: string };

/** The attributes of `<citation-card>` (each also a property, camel-cased). */
export interface CitationCardAttributes extends CardOptions {
  /** A URL to fetch the record from (10 s timeout; an error card on failure). */
  src?: string | null;
  /** The record's text, when not in a child `<script type="text/plain">`. */
  record?: string | null;
  /** Any CSL 1.0.2 style file to list first in Cite and open on. */
  'csl-src'?: string | null;
  /** A CSL locale file for that style. */
  'csl-locale-src'?: string | null;
  /** The same as `style`, for frameworks that keep `style` for inline CSS (React). */
  'cite-style'?: StyleId | null;
  /** `lazy`: render only when the card nears the viewport. */
  loading?: 'lazy' | 'eager' | null;
}

/** The attributes of `<citation-list>` (each also a property, camel-cased). */
export interface CitationListAttributes extends CardOptions {
  src?: string | null;
  record?: string | null;
  'cite-style'?: StyleId | null;
  /** Any CSL 1.0.2 style file, offered first in each entry's Cite. */
  'csl-src'?: string | null;
  /** A CSL locale file for that style. */
  'csl-locale-src'?: string | null;
  /** Headings by year (default), by type, or none. */
  'group-by'?: GroupBy | null;
  /** The order within each heading (default `year`, newest first). */
  sort?: SortBy | null;
  /** The owner's names, separated by `;`, highlighted in every entry. */
  highlight?: string | null;
  /** Citation keys or DOIs pinned under "Selected publications", separated by spaces. */
  selected?: string | null;
  /** `off` hides the search box and filters. */
  search?: 'on' | 'off' | null;
  /** Entries before "Show more" (default 50), as a number or its text. */
  'page-size'?: `${number}` | number | null;
}

/** What both elements are: the record, its format and the card's options, as properties. */
export interface CitecardElement extends HTMLElement {
  src: string | null;
  record: string | null;
  format: RecordFormat | null;
  /** The `cite-style` attribute (`style` is the element's inline CSS). */
  citeStyle: StyleId | null;
  theme: Theme | null;
  variant: Variant | null;
  cslSrc: string | null;
  cslLocaleSrc: string | null;
}

/** `<citation-card>`: one record's card (several records: a card each). */
export interface CitationCardElement extends CitecardElement {
  loading: 'lazy' | 'eager' | null;
  /** Render now, if `loading="lazy"` has not yet. */
  start(): void;
}

/** `<citation-list>`: a publication list of every record given. */
export interface CitationListElement extends CitecardElement {
  groupBy: GroupBy | null;
  sort: SortBy | null;
  highlight: string | null;
  selected: string | null;
  search: 'on' | 'off' | null;
  pageSize: string | null;
}

/**
 * Render the records in `recordText` as cards inside `element` (a
 * `<citation-card>` it creates, or `element` itself if it is one); resolves
 * to that element.
 */
export function render(element: Element, recordText: string, options?: CardOptions): Promise<CitationCardElement>;

/** Every readable record in `text` as CSL-JSON items; rejects with a located error on unreadable input. */
export function parse(text: string, format?: RecordFormat): Promise<CslItem[]>;

/**
 * Each record in `text` cited in `style` (default APA), or exported, as
 * plain text or citeproc-js's HTML; one entry per line.
 */
export function cite(text: string, style?: StyleId | ExportId | CslStyleSource, format?: 'text' | 'html'): Promise<string>;

/** What a CSL style is; rejects with the line and column of a file that is not CSL. */
export function styleInfo(style: CslStyleSource): Promise<StyleInfo>;

/** The JSX props of `<citation-card>`: its attributes, plus what any element takes. */
export type CitationCardProps = CitationCardAttributes & JsxCommonProps;

/** The JSX props of `<citation-list>`. */
export type CitationListProps = CitationListAttributes & JsxCommonProps;

/** Props every JSX element takes (`style` is the card's style, not CSS). */
export interface JsxCommonProps {
  id?: string;
  class?: string;
  className?: string;
  slot?: string;
  hidden?: boolean;
  key?: string | number;
  children?: unknown;
  ref?: unknown;
}

declare global {
  interface HTMLElementTagNameMap {
    'citation-card': CitationCardElement;
    'citation-list': CitationListElement;
  }

  interface Window {
    /** The JS API, for pages that load citecard.js with a plain script tag. */
    readonly citecard: {
      readonly render: typeof render;
      readonly parse: typeof parse;
      readonly cite: typeof cite;
      readonly styleInfo: typeof styleInfo;
    };
  }

  // JSX with a global namespace (Solid, Preact's classic runtime, React 17's types).
  // React 18+/19 and Preact's automatic runtime: `import type {} from 'citecard/react'`
  // or 'citecard/preact'.
  namespace JSX {
    interface IntrinsicElements {
      'citation-card': CitationCardProps;
      'citation-list': CitationListProps;
    }
  }
}
