/**
 * The collision sketch (现场草图) as data: a road template with its lane
 * count, the case's vehicles placed and turned on it, arrows of travel and
 * the point of impact. Coordinates are fractions of the drawing (0 … 1, x to
 * the right, y downwards, north up), so the phone's editor and the printed
 * determination draw the same sketch at any size.
 */
import * as z from 'zod/mini';
import { Id } from '../ids';

export const SKETCH_SCHEMA_VERSION = 1;

export const ROAD_TEMPLATES = ['straight', 'crossroads', 't-junction', 'roundabout'] as const;
export const RoadTemplate = z.enum(ROAD_TEMPLATES);
export type RoadTemplate = z.infer<typeof RoadTemplate>;

/** Lanes in each direction of travel. */
export const MIN_LANES = 1;
export const MAX_LANES = 4;

const unit = (field: string) =>
  z.number().check(z.gte(0, `${field} must be at least 0`), z.lte(1, `${field} must be at most 1`));

export const SketchPoint = z.object({ x: unit('x'), y: unit('y') });
export type SketchPoint = z.infer<typeof SketchPoint>;

export const PlacedVehicle = z.object({
  vehicleId: Id,
  x: unit('x'),
  y: unit('y'),
  /** Heading in degrees clockwise from north (up): 0 drives up, 90 to the right. */
  angle: z
    .number()
    .check(z.gte(0, 'angle must be at least 0'), z.lt(360, 'angle must be below 360')),
});
export type PlacedVehicle = z.infer<typeof PlacedVehicle>;

/** An arrow of travel, tail to head. */
export const SketchArrow = z.object({
  id: Id,
  from: SketchPoint,
  to: SketchPoint,
  /** The vehicle whose travel it shows, when it shows one. */
  vehicleId: z.optional(Id),
});
export type SketchArrow = z.infer<typeof SketchArrow>;

export const CollisionSketch = z.object({
  schemaVersion: z.literal(SKETCH_SCHEMA_VERSION),
  template: RoadTemplate,
  lanes: z
    .number()
    .check(
      z.int('lanes must be a whole number'),
      z.gte(MIN_LANES, `lanes must be at least ${MIN_LANES}`),
      z.lte(MAX_LANES, `lanes must be at most ${MAX_LANES}`),
    ),
  vehicles: z.array(PlacedVehicle),
  arrows: z.array(SketchArrow),
  impact: z.optional(SketchPoint),
});
export type CollisionSketch = z.infer<typeof CollisionSketch>;
