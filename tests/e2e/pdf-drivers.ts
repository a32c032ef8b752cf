/**
 * The determination PDF an insurer opens from its packet screen: the link
 * "打开认定书 PDF" followed as a claims system follows it (a plain request,
 * no session: the signed link is the key), and the PDF read as a person
 * reads it (poppler's pdftotext).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { InsurerCaseView } from '../../src/contracts/claims';
import { citeBasis } from '../../src/documents/document-model';
import { documentWords, levelWords } from '../../src/documents/words';
import { pdfText } from '../pdf/see-pdf';

export interface OpenedPdf {
  status: number;
  contentType: string;
  /** The PDF's text with white space removed (pdftotext breaks lines where the PDF wraps). */
  text: string;
}

/** On an open packet: follows "打开认定书 PDF" and answers what came back, read with pdftotext. */
export async function packetPdf(page: Page): Promise<OpenedPdf> {
  const link = page.getByRole('link', { name: '打开认定书 PDF' });
  const href = await link.getAttribute('href');
  if (!href) throw new Error('the packet screen has no link to the determination PDF');
  const res = await fetch(new URL(href, page.url()));
  const contentType = res.headers.get('content-type') ?? '';
  const bytes = new Uint8Array(await res.arrayBuffer());
  if (!res.ok) return { status: res.status, contentType, text: '' };
  const dir = mkdtempSync(join(tmpdir(), 'kuaichu-e2e-pdf-'));
  try {
    const path = join(dir, 'determination.pdf');
    writeFileSync(path, bytes);
    return { status: res.status, contentType, text: pdfText(path).join('').replace(/\s+/g, '') };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * The words a person checks on an insurer's copy of `view`'s determination:
 * the title, the case number, each vehicle's liability, the law and article,
 * and the other vehicles' drivers withheld — white space removed.
 */
export function determinationWords(view: InsurerCaseView): string[] {
  const zh = documentWords.zh;
  return [
    zh.title,
    view.caseNumber,
    ...view.vehicles.flatMap((v) =>
      v.liability ? [`${v.label}:${levelWords.zh[v.liability]}`] : [],
    ),
    ...(view.determination?.basis ?? []).map(citeBasis),
    ...(view.vehicles.some((v) => !v.insured) ? [zh.withheld] : []),
  ].map((w) => w.replace(/\s+/g, ''));
}
