/**
 * What the review's case view asks the server for its roadside video, for
 * component tests with msw that refuse unhandled requests: the brigade's
 * field pack with no units, and no footage requests.
 */
import { HttpResponse, http } from 'msw';
import { STARTER_SCRIPT, type FieldPack } from '../../src/contracts/field-pack';

const PACK: FieldPack = {
  brigadeId: '0190a000-0000-7000-8000-0000000000b1',
  courtesyScript: STARTER_SCRIPT,
  videoUnits: [],
  videoRadiusM: 2000,
};

export const footageHandlers = () => [
  http.get(`${location.origin}/api/field-pack`, () => HttpResponse.json(PACK)),
  http.get(`${location.origin}/api/cases/:id/footage-requests`, () =>
    HttpResponse.json({ requests: [] }),
  ),
];
