// The kit's markup, rendered to HTML in Node: what assistive technology and
// the browser tests rely on (label `for`, described-by, invalid, alerts).
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { Button } from './Button';
import { DataTable } from './DataTable';
import { SelectField, TextArea, TextField } from './Field';
import { ErrorNotice, Notice } from './Notice';
import { Page } from './Page';

const noop = () => undefined;

describe('TextField', () => {
  it('labels the input and says nothing is wrong while there is no message', () => {
    const html = renderToStaticMarkup(
      <TextField id="plate" label="号牌号码" value="" errors={[]} onValue={noop} />,
    );
    expect(html).toContain('<label for="plate">号牌号码</label>');
    expect(html).not.toContain('aria-invalid');
    expect(html).not.toContain('aria-describedby');
    // The live region is there before any message, so a message is heard when it comes.
    expect(html).toContain('<div id="plate-msg" class="field-messages" aria-live="polite"></div>');
  });

  it('is described by its hint and its messages, and invalid while there are any', () => {
    const html = renderToStaticMarkup(
      <TextField id="vin" label="VIN" hint="17 位" value="X" errors={['太短']} onValue={noop} />,
    );
    expect(html).toContain('aria-invalid="true"');
    expect(html).toContain('aria-describedby="vin-hint vin-msg"');
    expect(html).toContain('<p id="vin-hint" class="field-hint">17 位</p>');
    expect(html).toContain('<p class="field-error">太短</p>');
  });

  it('has no message region when the field cannot be wrong', () => {
    const html = renderToStaticMarkup(<TextField id="road" label="道路" value="" onValue={noop} />);
    expect(html).not.toContain('road-msg');
  });
});

describe('TextArea', () => {
  it('makes an urgent message an alert', () => {
    const html = renderToStaticMarkup(
      <TextArea id="reason" label="理由" value="" errors="请写明理由。" urgent onValue={noop} />,
    );
    expect(html).toContain(
      '<textarea id="reason" aria-invalid="true" aria-describedby="reason-msg"',
    );
    expect(html).toContain('<p class="field-error" role="alert">请写明理由。</p>');
  });
});

describe('SelectField', () => {
  it('offers "not chosen" first and separators that cannot be chosen', () => {
    const html = renderToStaticMarkup(
      <SelectField
        id="type"
        label="类型"
        none="未选"
        value=""
        options={[
          { value: 'a', label: 'A' },
          { value: '──', label: '──', disabled: true },
          { value: 'b', label: 'B' },
        ]}
        onValue={noop}
      />,
    );
    expect(html).toContain('<option value="" selected="">未选</option>');
    expect(html).toContain('<option value="──" disabled="">──</option>');
  });
});

describe('Button, Notice, Page', () => {
  it('gives each its classes', () => {
    expect(
      renderToStaticMarkup(
        <Button variant="primary" block>
          Go
        </Button>,
      ),
    ).toBe('<button type="button" class="button primary block">Go</button>');
    expect(renderToStaticMarkup(<Notice tone="warn">!</Notice>)).toBe(
      '<p class="notice warn">!</p>',
    );
    expect(renderToStaticMarkup(<ErrorNotice error="坏了" />)).toBe(
      '<p class="notice error" role="alert">坏了</p>',
    );
    expect(renderToStaticMarkup(<ErrorNotice error={null} />)).toBe('');
  });

  it('names the page by its heading', () => {
    const html = renderToStaticMarkup(
      <Page titleId="t" title="标题" back={{ href: '/', label: '返回' }}>
        <p>x</p>
      </Page>,
    );
    expect(html).toBe(
      '<section aria-labelledby="t"><a href="/" class="back-link">← 返回</a><h1 id="t">标题</h1><p>x</p></section>',
    );
  });
});

describe('DataTable', () => {
  const rows = [{ id: '1', plate: '蒙A12345', photos: 7 }];
  const columns = [
    { key: 'plate', header: '号牌', cell: (r: (typeof rows)[number]) => r.plate, rowHeader: true },
    { key: 'photos', header: '照片', cell: (r: (typeof rows)[number]) => r.photos, numeric: true },
  ];

  it('names the table and its scrolling region by the caption, with scoped headers', () => {
    const html = renderToStaticMarkup(
      <DataTable caption="案件" columns={columns} rows={rows} rowKey={(r) => r.id} empty="无" />,
    );
    const captionId = /<caption id="([^"]+)">案件<\/caption>/.exec(html)?.[1];
    expect(captionId).toBeDefined();
    expect(html).toContain(`role="region" aria-labelledby="${captionId}" tabindex="0"`);
    expect(html).toContain('<th scope="col">号牌</th><th scope="col" class="num">照片</th>');
    expect(html).toContain('<th scope="row">蒙A12345</th><td class="num">7</td>');
  });

  it('says so when it is empty', () => {
    const html = renderToStaticMarkup(
      <DataTable caption="案件" columns={columns} rows={[]} rowKey={(r) => r.id} empty="无" />,
    );
    expect(html).toContain('<td colSpan="2" class="empty">无</td>');
  });
});
