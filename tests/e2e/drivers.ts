/** UI drivers: what an officer does, in the words of the screen (zh-CN). */
import type { BrowserContext, Locator, Page } from 'playwright-core';

/**
 * "新建案件": types the place, picks when the accident happened if asked
 * (minutes before arrival), taps "立案" and lands on the first step, triage.
 */
export async function startCase(
  page: Page,
  address: string,
  minutesBeforeArrival?: number,
): Promise<string> {
  await page.getByRole('link', { name: '新建案件' }).click();
  await page.getByLabel('地点描述').fill(address);
  if (minutesBeforeArrival !== undefined) await setAccidentTime(page, minutesBeforeArrival);
  await page.getByRole('button', { name: '立案' }).click();
  await page.waitForURL(/\/cases\/[0-9a-f-]{36}\/triage$/);
  await page.getByRole('heading', { name: '分流：能否快速处理' }).waitFor();
  return page.url().split('/').at(-2) ?? '';
}

/** Opens a new case (see {@link startCase}) and shows its case screen. */
export async function createCase(page: Page, address: string): Promise<string> {
  const id = await startCase(page, address);
  // Absolute: some pages (the chaos runs') have no base URL of their own.
  await page.goto(new URL(`/cases/${id}`, page.url()).href);
  await page.getByRole('heading', { name: /^案件 KC/ }).waitFor();
  return id;
}

export async function caseListAddresses(page: Page): Promise<string[]> {
  await page.goto('/');
  await page.getByRole('heading', { name: '案件' }).waitFor();
  const list = page.getByTestId('case-list');
  await list.waitFor();
  return list.locator('.case-place').allTextContents();
}

/** A driver as the officer reads it off the documents; optional fields are left empty. */
export interface DriverInput {
  name: string;
  idNumber: string;
  /** Only when it differs from the ID number: unticks "same as ID" and types it. */
  licenceNumber?: string;
  phone: string;
  compulsoryInsurer?: string;
  compulsoryPolicy?: string;
  commercialInsurer?: string;
}

/** A vehicle as entered on the parties screen; select and chip values are their zh-CN words. */
export interface VehicleInput {
  plate: string;
  /** e.g. '小型新能源汽车号牌'; left to the app's suggestion when absent. */
  plateType?: string;
  /** e.g. '小型轿车'. */
  vehicleType?: string;
  owner?: string;
  vin?: string;
  /** Chip words, e.g. ['车尾']; parts behind "更多部位…" are opened for. */
  damagedParts?: string[];
  driver: DriverInput;
}

/** Opens the vehicles and parties screen of a case. */
export async function openParties(page: Page, caseId: string): Promise<void> {
  await page.goto(`/cases/${caseId}/parties`);
  await page.getByRole('heading', { name: '车辆与当事人' }).waitFor();
}

/** The card of vehicle `label` (A, B …), driver included. */
export function vehicleCard(page: Page, label: string): Locator {
  return page.getByRole('group', { name: `车辆 ${label}`, exact: true });
}

/** The driver part of a vehicle's card. */
export function driverOfCard(card: Locator): Locator {
  return card.getByRole('group', { name: '驾驶人', exact: true });
}

/** The input labelled exactly `label` inside `scope`. */
export function field(scope: Locator, label: string): Locator {
  return scope.getByLabel(label, { exact: true });
}

/** Types a value and leaves the field, as an officer moving on does. */
export async function fillField(scope: Locator, label: string, value: string): Promise<void> {
  const input = field(scope, label);
  await input.fill(value);
  await input.blur();
}

/** Whether a field is marked wrong, and the words that describe it (hint and messages). */
export async function fieldProblem(
  scope: Locator,
  label: string,
): Promise<{ invalid: boolean; description: string }> {
  return field(scope, label).evaluate((el) => ({
    invalid: el.getAttribute('aria-invalid') === 'true',
    description: (el.getAttribute('aria-describedby') ?? '')
      .split(' ')
      .filter((id) => id !== '')
      .map((id) => document.getElementById(id)?.textContent ?? '')
      .join(' '),
  }));
}

/** Fills the driver part of a vehicle's card. */
export async function fillDriver(card: Locator, d: DriverInput): Promise<void> {
  const driver = driverOfCard(card);
  await fillField(driver, '姓名', d.name);
  await fillField(driver, '身份证号码', d.idNumber);
  if (d.licenceNumber !== undefined) {
    await driver.getByRole('checkbox', { name: '驾驶证号与身份证号码相同' }).uncheck();
    await fillField(driver, '驾驶证号', d.licenceNumber);
  }
  await fillField(driver, '手机号码', d.phone);
  if (d.compulsoryInsurer) await fillField(driver, '交强险保险公司', d.compulsoryInsurer);
  if (d.compulsoryPolicy) await fillField(driver, '交强险保单号', d.compulsoryPolicy);
  if (d.commercialInsurer) await fillField(driver, '商业险保险公司（如有）', d.commercialInsurer);
}

/** Ticks damaged-part chips by their words, opening "更多部位…" when a part is behind it. */
export async function tickDamagedParts(card: Locator, parts: readonly string[]): Promise<void> {
  const group = card.getByRole('group', { name: '碰撞部位', exact: true });
  for (const part of parts) {
    const chip = group.getByRole('checkbox', { name: part, exact: true });
    if (!(await chip.isVisible())) await group.getByText('更多部位…').click();
    await chip.check();
  }
}

/** Fills a vehicle's card and its driver. */
export async function fillVehicle(card: Locator, v: VehicleInput): Promise<void> {
  await fillField(card, '号牌号码', v.plate);
  if (v.plateType) await field(card, '号牌种类').selectOption({ label: v.plateType });
  if (v.vehicleType) await field(card, '车辆类型').selectOption({ label: v.vehicleType });
  if (v.owner) await fillField(card, '所有人', v.owner);
  if (v.vin) await fillField(card, '车辆识别代号（VIN，选填）', v.vin);
  if (v.damagedParts) await tickDamagedParts(card, v.damagedParts);
  await fillDriver(card, v.driver);
}

/**
 * On the parties screen: adds a vehicle, fills it and its driver, and returns
 * the vehicle's letter (A, B …).
 */
export async function addVehicleWithDriver(page: Page, v: VehicleInput): Promise<string> {
  const cards = page.getByTestId(/^vehicle-/);
  const before = await cards.count();
  await page.getByRole('button', { name: '添加车辆', exact: true }).click();
  await cards.nth(before).waitFor();
  const testId = (await cards.nth(before).getAttribute('data-testid')) ?? '';
  const label = testId.replace(/^vehicle-/, '');
  await fillVehicle(vehicleCard(page, label), v);
  return label;
}

/** On an empty parties screen: both vehicles of a two-vehicle case in one tap, then filled. */
export async function addTwoVehiclesWithDrivers(
  page: Page,
  a: VehicleInput,
  b: VehicleInput,
): Promise<void> {
  await page.getByRole('button', { name: '添加两车（A、B）' }).click();
  await vehicleCard(page, 'B').waitFor();
  await fillVehicle(vehicleCard(page, 'A'), a);
  await fillVehicle(vehicleCard(page, 'B'), b);
}

/** Taps the "下一步：…" button of the screen on show. */
export async function nextStep(page: Page, step: string): Promise<void> {
  await page.getByRole('link', { name: `下一步：${step}`, exact: true }).click();
}

/** On the new-case or case screen: when the accident happened, minutes before arrival (0: at arrival). */
export async function setAccidentTime(page: Page, minutesBefore: number): Promise<void> {
  const name = minutesBefore === 0 ? '到达时' : `到达前 ${minutesBefore} 分钟`;
  await page
    .getByRole('group', { name: '事故发生时间' })
    .getByRole('radio', { name, exact: true })
    .check();
}

/** Adds a fixed object (guardrail, pole …) with what it is; returns its card. */
export async function addFixedObjectCard(page: Page, description: string): Promise<Locator> {
  const cards = page.getByTestId(/^fixed-object-/);
  const before = await cards.count();
  await page.getByRole('button', { name: '添加固定物（护栏、杆柱等）' }).click();
  const card = cards.nth(before);
  await fillField(card, '固定物名称', description);
  return card;
}

/** Removes vehicle `label` through its confirmation. */
export async function removeVehicleConfirmed(page: Page, label: string): Promise<void> {
  const card = vehicleCard(page, label);
  await card.getByRole('button', { name: `删除车辆 ${label}` }).click();
  await card.getByRole('button', { name: '确认删除' }).click();
  await card.waitFor({ state: 'detached' });
}

/** Waits until every change on screen is stored on the phone. */
export async function waitForSaved(page: Page): Promise<void> {
  await page.getByTestId('save-status').getByText('已保存在本机').waitFor();
}

/** Opens a case's location screen (map, coordinates, road and km post). */
export async function openLocation(page: Page, caseId: string): Promise<void> {
  await page.goto(`/cases/${caseId}/location`);
  await page.getByRole('heading', { name: '事故位置' }).waitFor();
}

/** The map marker, as a screen reader finds it. */
export function mapMarker(page: Page) {
  return page.getByRole('button', { name: '事故位置（可拖动）' });
}

/** Drags the map marker by (dx, dy) pixels, the way a finger or mouse would. */
export async function dragMarker(page: Page, dx: number, dy: number): Promise<void> {
  const box = await mapMarker(page).boundingBox();
  if (!box) throw new Error('the map marker is not on screen');
  const x = box.x + box.width / 2;
  const y = box.y + box.height / 2;
  await page.mouse.move(x, y);
  await page.mouse.down();
  await page.mouse.move(x + dx / 2, y + dy / 2, { steps: 5 });
  await page.mouse.move(x + dx, y + dy, { steps: 5 });
  await page.mouse.up();
}

/** A 1 × 1 grey PNG: enough for an <img> to load. */
const TILE_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mN8/5+hHgAHggJ/PchI7wAAAABJRU5ErkJggg==',
  'base64',
);

/** Fake OSM tiles; `up: false` makes the tile server unreachable. */
export async function fakeTiles(context: BrowserContext) {
  const state = { up: true, served: 0 };
  await context.route('https://tile.openstreetmap.org/**', async (route) => {
    if (!state.up) return route.abort('internetdisconnected');
    state.served++;
    return route.fulfill({
      status: 200,
      contentType: 'image/png',
      headers: { 'access-control-allow-origin': '*' },
      body: TILE_PNG,
    });
  });
  return state;
}
