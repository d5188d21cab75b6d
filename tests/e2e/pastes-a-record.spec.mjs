import { test, expect } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { Playground } from './playground.mjs';

const fixture = new URL(
  '../../crates/citecard-core/tests/fixtures/valid/booksci/elsevier record with a bare DOI and an article number.json',
  import.meta.url,
);

test('pasting another BookSci record re-renders the card', async ({ page }) => {
  const playground = new Playground(page);
  await playground.open();

  await playground.paste(await readFile(fixture, 'utf8'));

  const card = playground.card;
  await expect(card.getByTestId('title')).toHaveText('ProSpec: Profile-guided Specialization for GPU Kernels');
  // The record's DOIUrl is a bare DOI; the card links the resolver URL built from it.
  await expect(card.getByTestId('title-link')).toHaveAttribute(
    'href',
    'https://doi.org/10.1016/j.infsof.2025.107901',
  );
  await expect(card.getByTestId('doi-link')).toHaveAttribute('href', 'https://doi.org/10.1016/j.infsof.2025.107901');
  await expect(card.getByTestId('venue')).toContainText('Article 107901');
  await expect(card.getByTestId('cas-zone')).toContainText('CAS Zone 2');
  await expect(playground.cards).toHaveCount(1);
});

test('pasting a broken record shows where it breaks', async ({ page }) => {
  const playground = new Playground(page);
  await playground.open();

  await playground.paste('{"title": "A", "JCR": "Q1"\n');

  await expect(page.getByTestId('error-card')).toBeVisible();
  await expect(page.getByTestId('error-location')).toHaveText('Line 2, column 1');
  await expect(page.getByTestId('error-message')).toContainText('expected `}`');
});
