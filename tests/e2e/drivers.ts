/** UI drivers: what an officer does, in the words of the screen (zh-CN). */
import type { Page } from 'playwright-core';

export async function createCase(page: Page, address: string): Promise<string> {
  await page.getByRole('link', { name: '新建案件' }).click();
  await page.getByLabel('地点描述').fill(address);
  await page.getByRole('button', { name: '立案' }).click();
  await page.waitForURL(/\/cases\/[0-9a-f-]{36}$/);
  await page.getByRole('heading', { name: /^案件 KC/ }).waitFor();
  return page.url().split('/').pop() ?? '';
}

export async function caseListAddresses(page: Page): Promise<string[]> {
  await page.goto('/');
  await page.getByRole('heading', { name: '案件' }).waitFor();
  const list = page.getByTestId('case-list');
  await list.waitFor();
  return list.locator('.case-place').allTextContents();
}
