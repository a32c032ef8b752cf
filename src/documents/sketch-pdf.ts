/**
 * The collision sketch on the determination: drawn with pdf-lib's vector
 * paths from the same shapes the phone's editor draws (`sketchShapes`), the
 * vehicles lettered, then the sketch in sentences in the document's languages.
 */
import { rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import { sketchShapes, type CollisionSketch } from '../domain';
import type { DocLang, Words } from './document-model';
import { sketchSentences, sketchWords } from './sketch-words';

export interface DocumentSketch {
  drawing: CollisionSketch;
  /** Each placed vehicle's letter. */
  labels: { vehicleId: string; label: string }[];
  title: Words;
  /** Sentences in the document's languages: the road, each vehicle, the impact. */
  lines: Words[];
  legend: Words;
}

/** The sketch as the document prints it, with the case's letters. */
export function sketchModel(
  drawing: CollisionSketch,
  vehicles: readonly { id: string; label: string }[],
  langs: readonly DocLang[],
): DocumentSketch {
  const labelOf = (id: string) => vehicles.find((v) => v.id === id)?.label;
  const perLang = langs.map((l) => sketchSentences(drawing, labelOf, l));
  return {
    drawing,
    labels: drawing.vehicles.flatMap((p) => {
      const label = labelOf(p.vehicleId);
      return label === undefined ? [] : [{ vehicleId: p.vehicleId, label }];
    }),
    title: langs.map((l) => sketchWords[l].title),
    lines: (perLang[0] ?? []).map((_, i) => perLang.map((lines) => lines[i] ?? '')),
    legend: langs.map((l) => sketchWords[l].legend),
  };
}

const INK = rgb(0.15, 0.17, 0.2);
const ROAD = rgb(0.82, 0.83, 0.85);
const RED = rgb(0.8, 0.1, 0.1);

/** Draws the sketch in a `size` square whose top-left corner is (x, top) on the page. */
export function drawSketch(
  page: PDFPage,
  font: PDFFont,
  s: DocumentSketch,
  at: { x: number; top: number; size: number },
) {
  const shapes = sketchShapes(s.drawing, at.size);
  const o = { x: at.x, y: at.top };
  page.drawRectangle({
    x: at.x,
    y: at.top - at.size,
    width: at.size,
    height: at.size,
    borderColor: INK,
    borderWidth: 0.5,
    color: rgb(0.93, 0.96, 0.91),
  });
  for (const d of shapes.road) page.drawSvgPath(d, { ...o, color: ROAD });
  for (const m of shapes.markings)
    page.drawSvgPath(m.d, {
      ...o,
      borderColor: m.dashed ? rgb(1, 1, 1) : rgb(0.85, 0.65, 0.1),
      borderWidth: m.dashed ? 0.8 : 1.2,
      ...(m.dashed && { borderDashArray: [4, 4] }),
    });
  if (shapes.island) page.drawSvgPath(shapes.island, { ...o, color: rgb(0.93, 0.96, 0.91) });
  for (const a of shapes.arrows) {
    page.drawSvgPath(a.shaft, { ...o, borderColor: INK, borderWidth: 1.4 });
    page.drawSvgPath(a.head, { ...o, color: INK });
  }
  if (shapes.impact)
    page.drawSvgPath(shapes.impact.cross, { ...o, borderColor: RED, borderWidth: 2.5 });
  drawVehicles(page, font, s, shapes.vehicles, o);
}

function drawVehicles(
  page: PDFPage,
  font: PDFFont,
  s: DocumentSketch,
  vehicles: ReturnType<typeof sketchShapes>['vehicles'],
  o: { x: number; y: number },
) {
  for (const v of vehicles) {
    page.drawSvgPath(v.body, {
      ...o,
      color: rgb(0.78, 0.86, 0.97),
      borderColor: INK,
      borderWidth: 1,
    });
    page.drawSvgPath(v.nose, { ...o, color: INK });
    const label = s.labels.find((l) => l.vehicleId === v.vehicleId)?.label ?? '';
    const size = 11;
    const width = font.widthOfTextAtSize(label, size);
    const [x, y] = [o.x + v.cx - width / 2, o.y - v.cy - size / 3];
    // On a white tag, so the letter reads (and is read) the same over any fill.
    page.drawRectangle({
      x: x - 1,
      y: y - 0.25 * size,
      width: width + 2,
      height: 1.2 * size,
      color: rgb(1, 1, 1),
    });
    page.drawText(label, {
      x,
      y,
      size,
      font,
      color: INK,
    });
  }
}
