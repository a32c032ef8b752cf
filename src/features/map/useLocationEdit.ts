/**
 * The location form's state and its write-through: coordinates as typed (saved
 * once they parse), road and km post, a point from the map or the GPS. Each
 * change is applied to the location as stored, inside the transaction, so
 * edits never clobber each other.
 */
import { useCallback, useState } from 'react';
import { editCaseFields, type CaseLocation, type CaseRecord, type GeoPoint } from '../../domain';
import type { PositionFailure } from '../../platform/geolocation/port';
import { useServices } from '../../services/ServicesContext';
import { useCaseStep } from '../../services/useCaseStep';

/** Accuracy (metres) beyond which road and km post should be filled in. */
export const POOR_ACCURACY_M = 100;

export type Coords = { lat: string; lng: string };

const toCoords = (p: GeoPoint | undefined): Coords =>
  p ? { lat: p.latitude.toFixed(6), lng: p.longitude.toFixed(6) } : { lat: '', lng: '' };

export function parseCoords(c: Coords): { latitude: number; longitude: number } | null {
  const lat = Number(c.lat.trim().replace(',', '.'));
  const lng = Number(c.lng.trim().replace(',', '.'));
  if (
    c.lat.trim() === '' ||
    c.lng.trim() === '' ||
    !Number.isFinite(lat) ||
    !Number.isFinite(lng)
  ) {
    return null;
  }
  return Math.abs(lat) <= 90 && Math.abs(lng) <= 180 ? { latitude: lat, longitude: lng } : null;
}

export function useLocationEdit(record: CaseRecord) {
  const { platform } = useServices();
  const { run, status } = useCaseStep(record.id);
  const [coords, setCoords] = useState<Coords>(() => toCoords(record.location.point));
  const [road, setRoad] = useState(record.location.road ?? '');
  const [kmPost, setKmPost] = useState(record.location.kmPost ?? '');
  const [locating, setLocating] = useState<'idle' | 'locating' | PositionFailure>('idle');

  const write = useCallback(
    (change: (l: CaseLocation) => CaseLocation) =>
      run((c, at) => editCaseFields(c, { location: change(c.location) }, at)),
    [run],
  );
  const setPoint = useCallback(
    (p: Omit<GeoPoint, 'at'> & { at?: string }) => {
      const next: GeoPoint = { ...p, at: p.at ?? platform.clock.now() };
      setCoords(toCoords(next));
      write((l) => ({ ...l, point: next }));
    },
    [platform, write],
  );
  const onMapMove = useCallback(
    (latitude: number, longitude: number) => setPoint({ latitude, longitude, source: 'map' }),
    [setPoint],
  );

  const locate = async () => {
    setLocating('locating');
    const r = await platform.geolocation.locate();
    if (!r.ok) return setLocating(r.reason);
    setLocating('idle');
    setPoint({ ...r.position, source: 'gps' });
  };
  const changeCoord = (name: keyof Coords) => (value: string) => {
    const next = { ...coords, [name]: value };
    setCoords(next);
    const parsed = parseCoords(next);
    if (parsed) {
      write((l) => ({ ...l, point: { ...parsed, source: 'typed', at: platform.clock.now() } }));
    }
  };
  const changeText = (name: 'road' | 'kmPost') => (value: string) => {
    (name === 'road' ? setRoad : setKmPost)(value);
    write((l) => ({ ...l, [name]: value || undefined }));
  };
  const coordsInvalid = (coords.lat !== '' || coords.lng !== '') && parseCoords(coords) === null;

  return {
    coords,
    coordsInvalid,
    road,
    kmPost,
    locating,
    status,
    locate,
    onMapMove,
    changeCoord,
    changeText,
  };
}

export type LocationEdit = ReturnType<typeof useLocationEdit>;
