/**
 * Keeps the location form usable when the map cannot render (its chunk failed
 * to load, or Leaflet threw): the fields are the map's equal, not its child.
 */
import { Component, type ReactNode } from 'react';

export class MapBoundary extends Component<{ fallback: ReactNode; children: ReactNode }> {
  override state = { failed: false };

  static getDerivedStateFromError() {
    return { failed: true };
  }

  override componentDidCatch(error: unknown) {
    console.error('map failed', error);
  }

  override render() {
    return this.state.failed ? this.props.fallback : this.props.children;
  }
}
