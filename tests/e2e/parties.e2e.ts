/**
 * Vehicles and parties on scene, with the network off: two vehicles with
 * their drivers, a wrong ID number that is marked but kept, a reload that
 * loses nothing, and a fix that clears the mark.
 */
import { describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { useBrowserWorld } from './harness';
import { layoutProblems } from './phone';
import {
  addFixedObjectCard,
  addVehicleWithDriver,
  createCase,
  driverOfCard,
  field,
  fieldProblem,
  fillField,
  openParties,
  removeVehicleConfirmed,
  vehicleCard,
  waitForSaved,
} from './drivers';

const world = useBrowserWorld();

/** A case opened online, then the network cut once the service worker controls the page. */
async function offlineCase(
  address: string,
): Promise<{ context: BrowserContext; page: Page; id: string }> {
  const { context, page } = await world.openPhone();
  const id = await createCase(page, address);
  await context.setOffline(true);
  await openParties(page, id);
  return { context, page, id };
}

describe('vehicles and parties, offline', () => {
  it('keeps two vehicles and their drivers across a reload, a wrong ID number included, until it is fixed', async () => {
    const { context, page } = await offlineCase('G318 国道 K123+400');

    // Two vehicles: an ordinary blue plate and a new-energy plate.
    const a = await addVehicleWithDriver(page, {
      plate: '川a 12345',
      vehicleType: '小型轿车',
      damagedParts: ['车头', '前保险杠'],
      driver: {
        name: '张三',
        idNumber: '11010519491231002X',
        phone: '138 0013 8000',
        compulsoryInsurer: '中国人保财险',
        compulsoryPolicy: 'PDZA202611000001',
      },
    });
    const b = await addVehicleWithDriver(page, {
      plate: '川AD12345',
      damagedParts: ['车尾'],
      driver: {
        name: '李四',
        // The check digit of this number is 7, not 6.
        idNumber: '110101199003074476',
        phone: '13800138000',
        compulsoryInsurer: '中国平安财险',
        commercialInsurer: '阳光财险',
      },
    });
    expect([a, b]).toEqual(['A', 'B']);

    // The wrong check digit is marked under the ID field, naming it and the expected digit.
    const driverB = driverOfCard(vehicleCard(page, 'B'));
    const wrong = await fieldProblem(driverB, '身份证号码');
    expect(wrong.invalid).toBe(true);
    expect(wrong.description).toContain('身份证号码校验位不正确');
    expect(wrong.description).toContain('最后一位应为 7');
    // A correct field is not marked.
    expect((await fieldProblem(driverB, '手机号码')).invalid).toBe(false);
    await waitForSaved(page);

    // Reload with the network still off: everything is still there.
    await page.reload();
    await page.getByRole('heading', { name: '车辆与当事人' }).waitFor();
    const cardA = vehicleCard(page, 'A');
    const cardB = vehicleCard(page, 'B');
    await cardB.waitFor();
    // Plates come back normalised and printed with the dot, the typed province picked beside
    // them; the type was suggested from the shape.
    expect(await field(cardA, '号牌省份').inputValue()).toBe('川');
    expect(await field(cardA, '号牌号码').inputValue()).toBe('A·12345');
    expect(await field(cardA, '号牌种类').inputValue()).toBe('small-blue');
    expect(await field(cardA, '车辆类型').inputValue()).toBe('car');
    expect(await field(cardB, '号牌省份').inputValue()).toBe('川');
    expect(await field(cardB, '号牌号码').inputValue()).toBe('A·D12345');
    expect(await field(cardB, '号牌种类').inputValue()).toBe('new-energy-small');
    const partsA = cardA.getByRole('group', { name: '碰撞部位' });
    expect(await partsA.getByRole('checkbox', { name: '车头', exact: true }).isChecked()).toBe(
      true,
    );
    expect(await partsA.getByRole('checkbox', { name: '前保险杠', exact: true }).isChecked()).toBe(
      true,
    );
    expect(await partsA.getByRole('checkbox', { name: '车尾', exact: true }).isChecked()).toBe(
      false,
    );
    expect(
      await cardB
        .getByRole('group', { name: '碰撞部位' })
        .getByRole('checkbox', { name: '车尾', exact: true })
        .isChecked(),
    ).toBe(true);

    const driverA = driverOfCard(cardA);
    expect(await field(driverA, '姓名').inputValue()).toBe('张三');
    expect(await field(driverA, '身份证号码').inputValue()).toBe('11010519491231002X');
    expect(
      await driverA.getByRole('checkbox', { name: '驾驶证号与身份证号码相同' }).isChecked(),
    ).toBe(true);
    expect(await field(driverA, '手机号码').inputValue()).toBe('13800138000');
    expect(await field(driverA, '交强险保险公司').inputValue()).toBe('中国人保财险');
    expect(await field(driverA, '交强险保单号').inputValue()).toBe('PDZA202611000001');

    const reloadedB = driverOfCard(cardB);
    expect(await field(reloadedB, '姓名').inputValue()).toBe('李四');
    expect(await field(reloadedB, '身份证号码').inputValue()).toBe('110101199003074476');
    expect(await field(reloadedB, '手机号码').inputValue()).toBe('13800138000');
    expect(await field(reloadedB, '交强险保险公司').inputValue()).toBe('中国平安财险');
    expect(await field(reloadedB, '商业险保险公司（如有）').inputValue()).toBe('阳光财险');
    // The mark is still there after the reload.
    expect((await fieldProblem(reloadedB, '身份证号码')).description).toContain(
      '身份证号码校验位不正确',
    );

    // Fixing the check digit clears the mark, and the fix is stored too.
    await fillField(reloadedB, '身份证号码', '110101199003074477');
    expect(await fieldProblem(reloadedB, '身份证号码')).toEqual({
      invalid: false,
      description: '',
    });
    await waitForSaved(page);
    await page.reload();
    await expect
      .poll(() => field(driverOfCard(vehicleCard(page, 'B')), '身份证号码').inputValue())
      .toBe('110101199003074477');
    await context.close();
  });

  it('adds a guardrail, and removes a vehicle only after confirming', async () => {
    const { context, page } = await offlineCase('S105 省道 K12+300');
    await addVehicleWithDriver(page, {
      plate: '川A12345',
      plateType: '小型汽车号牌',
      driver: { name: '王五', idNumber: '11010519491231002X', phone: '13800138000' },
    });
    await addVehicleWithDriver(page, {
      plate: '川B23456',
      driver: { name: '赵六', idNumber: '110101199003074477', phone: '13900000000' },
    });
    await addFixedObjectCard(page, '护栏');
    // At 360 px nothing scrolls sideways and every control is a large target.
    await page.getByRole('group', { name: '碰撞部位' }).first().getByText('更多部位…').click();
    expect(await layoutProblems(page)).toEqual({ width: 360, small: [] });

    // Cancelling keeps the vehicle and gives focus back to the remove button.
    const cardA = vehicleCard(page, 'A');
    await cardA.getByRole('button', { name: '删除车辆 A' }).click();
    await cardA.getByRole('button', { name: '取消' }).click();
    expect(
      await cardA
        .getByRole('button', { name: '删除车辆 A' })
        .evaluate((el) => el === document.activeElement),
    ).toBe(true);

    await removeVehicleConfirmed(page, 'A');
    await waitForSaved(page);
    await page.reload();
    await vehicleCard(page, 'B').waitFor();
    expect(await page.getByTestId(/^vehicle-/).count()).toBe(1);
    expect(await field(driverOfCard(vehicleCard(page, 'B')), '姓名').inputValue()).toBe('赵六');
    expect(await field(page.getByTestId('fixed-object-1'), '固定物名称').inputValue()).toBe('护栏');
    await context.close();
  });

  it('starts plates from the brigade province (蒙, or the setting) and reads birth date and sex off the ID number', async () => {
    const { context, page } = await offlineCase('G110 国道 K512+300');
    await page.getByRole('button', { name: '添加两车（A、B）' }).click();
    const cardA = vehicleCard(page, 'A');
    await vehicleCard(page, 'B').waitFor();
    expect(await field(cardA, '号牌省份').inputValue()).toBe('蒙');
    // Only what follows the province is typed.
    await fillField(cardA, '号牌号码', 'a 12345');
    expect(await field(cardA, '号牌号码').inputValue()).toBe('A·12345');
    expect(await field(cardA, '号牌种类').inputValue()).toBe('small-blue');
    // Six characters after the letter fit only a temporary plate: with no type chosen the
    // field is marked (a digit typed twice?) and no type is guessed; choosing temporary clears it.
    const cardB = vehicleCard(page, 'B');
    await fillField(cardB, '号牌号码', 'J123456');
    const doubled = await fieldProblem(cardB, '号牌号码');
    expect(doubled.invalid).toBe(true);
    expect(doubled.description).toContain('号牌号码多了一位');
    expect(await field(cardB, '号牌种类').inputValue()).toBe('');
    await field(cardB, '号牌种类').selectOption('temporary');
    await expect.poll(async () => (await fieldProblem(cardB, '号牌号码')).invalid).toBe(false);

    const driverA = driverOfCard(cardA);
    await fillField(driverA, '身份证号码', '11010519491231002X');
    expect(await driverA.getByTestId('id-derived').textContent()).toBe(
      '据身份证号码：出生日期 1949-12-31，性别 女',
    );
    const driverB = driverOfCard(vehicleCard(page, 'B'));
    await fillField(driverB, '身份证号码', '110101199003074477');
    expect(await driverB.getByTestId('id-derived').textContent()).toBe(
      '据身份证号码：出生日期 1990-03-07，性别 男',
    );
    // A wrong check digit reads nothing off the number.
    await fillField(driverB, '身份证号码', '110101199003074476');
    expect(await driverB.getByTestId('id-derived').count()).toBe(0);
    await waitForSaved(page);

    // What is stored is the whole plate, province included.
    await page.reload();
    await vehicleCard(page, 'A').waitFor();
    expect(await field(vehicleCard(page, 'A'), '号牌省份').inputValue()).toBe('蒙');
    expect(await field(vehicleCard(page, 'A'), '号牌号码').inputValue()).toBe('A·12345');

    // Another brigade sets its own province; new plates start from it.
    await page.goto('/settings');
    await page.getByLabel('本队号牌省份').selectOption('川');
    await page.goto(page.url().replace(/\/settings$/, '/'));
    const id = await createCase(page, 'S105 省道');
    await openParties(page, id);
    await page.getByRole('button', { name: '添加车辆', exact: true }).click();
    expect(await field(vehicleCard(page, 'A'), '号牌省份').inputValue()).toBe('川');
    await context.close();
  });
});
