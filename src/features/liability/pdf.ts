/**
 * The phone's side of the determination PDF (built by src/documents): the CJK
 * font fetched from the site (precached by the service worker, so it works
 * offline). Loaded only when the officer asks for the PDF, with pdf-lib.
 */
import { FONT_PATH } from '../../documents/determination-pdf';

export { makeDeterminationPdf } from '../../documents/determination-pdf';

export const FONT_URL = `${import.meta.env.BASE_URL}${FONT_PATH}`;

export async function loadFont(): Promise<Uint8Array> {
  const res = await fetch(FONT_URL);
  if (!res.ok) throw new Error(`font ${res.status}`);
  return new Uint8Array(await res.arrayBuffer());
}
