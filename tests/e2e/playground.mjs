// Page object for the playground that `trunk build --release` produces.
import { expect } from '@playwright/test';

export class Playground {
  constructor(page) {
    this.page = page;
    this.input = page.getByTestId('record-input');
    this.cards = page.getByTestId('citation-card');
    this.card = this.cards.first();
  }

  async open() {
    await this.page.goto('/');
    await expect(this.card).toBeVisible();
  }

  /** Replace the record text as a paste would: select all, then insert. */
  async paste(text) {
    await this.input.click();
    await this.page.keyboard.press('ControlOrMeta+A');
    await this.page.keyboard.insertText(text);
  }
}
