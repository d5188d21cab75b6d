import { test, expect } from '@playwright/test';
import { Playground } from './playground.mjs';

test('the playground opens on the reference record card', async ({ page }) => {
  const requests = [];
  page.on('request', (request) => requests.push(request.url()));
  const playground = new Playground(page);
  await playground.open();
  const card = playground.card;

  await expect(card.getByTestId('title')).toHaveText(
    'Embedding coproduction in organisational culture and practice: a case study',
  );
  await expect(card.getByTestId('authors')).toHaveText('Julie Repper, Julian Eve');
  await expect(card.getByTestId('journal')).toHaveText('Leadership in Health Services');
  await expect(card.getByTestId('jcr')).toContainText('Q3');
  await expect(card.getByTestId('jcr')).toContainText('HEALTH POLICY & SERVICES');
  await expect(card.getByTestId('impact-factor')).toContainText('1.7');
  for (const id of ['title-link', 'doi-link']) {
    await expect(card.getByTestId(id)).toHaveAttribute('href', 'https://doi.org/10.1108/LHS-04-2022-0039');
  }
  await expect(card.getByTestId('abstract').locator('strong').first()).toHaveText('Purpose:');

  // Private by design: nothing is requested from anywhere but the page's own server.
  const origin = new URL(page.url()).origin;
  expect(requests.filter((url) => !url.startsWith(origin))).toEqual([]);
});
