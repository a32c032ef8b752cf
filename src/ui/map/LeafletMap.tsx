/**
 * The one file that imports Leaflet (ESLint enforces it). Screens load it with
 * React.lazy, so the map library is a chunk of its own and never weighs on a
 * first screen. Shows the accident's marker with the GPS accuracy circle:
 * draggable on the officer's location screen, which learns where the officer
 * put it; fixed (no focus stop, no tap to place) where the place is only read,
 * as on the reviewer's case view. The screen around it owns the data and
 * sizes the frame through `className`.
 *
 * The marker is an inline-SVG DivIcon: Leaflet's default icon finds its PNGs
 * by a CSS path that Vite's hashed assets break, and an SVG needs no file.
 */
import 'leaflet/dist/leaflet.css';
import './leaflet-map.css';
import { DomEvent, divIcon, type LeafletEventHandlerFnMap, type Marker as LMarker } from 'leaflet';
import { useEffect, useMemo, useRef, type RefObject } from 'react';
import { Circle, MapContainer, Marker, TileLayer, useMap, useMapEvents } from 'react-leaflet';
import { TILE_REFERRER_POLICY } from '../../contracts/tiles';
import { classNames } from '../class-names';

export interface MapTiles {
  /** Leaflet URL template with any key already filled in. */
  url: string;
  attribution: string;
  subdomains: string;
  crossOrigin: boolean;
}

export type TileStatus = 'pending' | 'loaded' | 'failed';

export interface LeafletMapProps {
  position: { latitude: number; longitude: number } | null;
  accuracyM?: number | undefined;
  /** The marker can be dragged, nudged with the arrow keys, or placed by a tap. */
  draggable: boolean;
  tiles: MapTiles;
  /** The accessible name of the map's region. */
  label: string;
  markerTitle: string;
  /** The frame's class: the screen decides its height. */
  className?: string | undefined;
  /** Zoom when there is a position (17 unless given). */
  zoom?: number | undefined;
  /** The officer dragged the marker, nudged it with the keyboard, or tapped the map. */
  onMove?: ((latitude: number, longitude: number) => void) | undefined;
  onTileStatus?: ((status: TileStatus) => void) | undefined;
}

type OnMove = (latitude: number, longitude: number) => void;
const stay: OnMove = () => {};

const MARKER_SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 44" width="32" height="44" aria-hidden="true">' +
  '<path d="M16 1C7.7 1 1 7.7 1 16c0 11 15 27 15 27s15-16 15-27C31 7.7 24.3 1 16 1z" fill="#cf222e" stroke="#fff" stroke-width="2"/>' +
  '<circle cx="16" cy="16" r="6" fill="#fff"/></svg>';

const ICON = divIcon({
  className: 'kc-marker',
  html: MARKER_SVG,
  iconSize: [32, 44],
  iconAnchor: [16, 44],
});

/** Without a position: most of China, so a tap can place the marker. */
const OVERVIEW = { center: [35, 105] as [number, number], zoom: 4 };
const DETAIL_ZOOM = 17;
const NUDGE_PX: Record<string, [number, number]> = {
  ArrowUp: [0, -4],
  ArrowDown: [0, 4],
  ArrowLeft: [-4, 0],
  ArrowRight: [4, 0],
};

/** Keeps the marker in view when it moves from outside (GPS, typed coordinates). */
function FollowPosition({ lat, lng }: { lat: number; lng: number }) {
  const map = useMap();
  useEffect(() => {
    if (!map.getBounds().contains([lat, lng])) {
      map.setView([lat, lng], Math.max(map.getZoom(), DETAIL_ZOOM - 2));
    }
  }, [map, lat, lng]);
  return null;
}

function TapToPlace({ enabled, onMove }: { enabled: boolean; onMove: OnMove }) {
  useMapEvents({
    click(e) {
      if (enabled) onMove(e.latlng.lat, e.latlng.lng);
    },
  });
  return null;
}

/** Arrow keys move the focused marker a few pixels: the map without a pointer. */
function KeyboardNudge({ marker, onMove }: { marker: RefObject<LMarker | null>; onMove: OnMove }) {
  const map = useMap();
  useEffect(() => {
    const m = marker.current;
    const el = m?.getElement();
    if (!m || !el) return;
    const onKey = (e: KeyboardEvent) => {
      const step = NUDGE_PX[e.key];
      if (!step) return;
      DomEvent.stop(e); // the map would pan on the same keys
      const moved = map.unproject(map.project(m.getLatLng()).add(step));
      m.setLatLng(moved);
      onMove(moved.lat, moved.lng);
    };
    el.addEventListener('keydown', onKey);
    return () => el.removeEventListener('keydown', onKey);
  }, [map, marker, onMove]);
  return null;
}

/** Tile events that tell the screen whether any tile came (or only failures). */
function useTileEvents(onTileStatus: LeafletMapProps['onTileStatus']) {
  const counts = useRef({ loaded: 0, failed: 0 });
  return useMemo<LeafletEventHandlerFnMap>(() => {
    const report = () =>
      onTileStatus?.(
        counts.current.loaded > 0 ? 'loaded' : counts.current.failed > 0 ? 'failed' : 'pending',
      );
    return {
      tileload: () => {
        counts.current.loaded++;
        report();
      },
      tileerror: () => {
        counts.current.failed++;
        report();
      },
    };
  }, [onTileStatus]);
}

export function LeafletMap({
  position,
  accuracyM,
  draggable,
  tiles,
  label,
  markerTitle,
  className,
  zoom = DETAIL_ZOOM,
  onMove = stay,
  onTileStatus,
}: LeafletMapProps) {
  const marker = useRef<LMarker | null>(null);
  const markerEvents = useMemo<LeafletEventHandlerFnMap>(
    () => ({
      dragend: (e) => {
        const at = (e.target as LMarker).getLatLng();
        onMove(at.lat, at.lng);
      },
    }),
    [onMove],
  );

  const tileEvents = useTileEvents(onTileStatus);

  const center: [number, number] = position
    ? [position.latitude, position.longitude]
    : OVERVIEW.center;
  return (
    <div
      className={classNames('kc-leaflet', className)}
      role="region"
      aria-label={label}
      data-testid="map"
    >
      <MapContainer
        center={center}
        zoom={position ? zoom : OVERVIEW.zoom}
        // A map only read keeps the wheel for the page around it; its buttons zoom.
        scrollWheelZoom={draggable}
        className="kc-map-canvas"
      >
        <TileLayer
          key={`${tiles.url}|${tiles.crossOrigin}`}
          url={tiles.url}
          attribution={tiles.attribution}
          subdomains={tiles.subdomains || 'abc'}
          maxZoom={19}
          referrerPolicy={TILE_REFERRER_POLICY}
          {...(tiles.crossOrigin && { crossOrigin: 'anonymous' as const })}
          eventHandlers={tileEvents}
        />
        <TapToPlace enabled={draggable} onMove={onMove} />
        {position && (
          <>
            <FollowPosition lat={position.latitude} lng={position.longitude} />
            {accuracyM !== undefined && accuracyM > 0 && (
              <Circle
                center={center}
                radius={accuracyM}
                pathOptions={{ color: '#0b57d0', weight: 1, fillOpacity: 0.12 }}
                interactive={false}
              />
            )}
            <Marker
              ref={marker}
              position={center}
              icon={ICON}
              draggable={draggable}
              interactive={draggable}
              keyboard={draggable}
              title={markerTitle}
              autoPan
              eventHandlers={markerEvents}
            />
            {draggable && <KeyboardNudge marker={marker} onMove={onMove} />}
          </>
        )}
      </MapContainer>
    </div>
  );
}
