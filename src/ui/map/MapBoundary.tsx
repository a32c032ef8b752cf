/**
 * Keeps a screen usable when its map cannot render (the chunk failed to load,
 * or Leaflet threw): the fields or words beside a map are its equal, not its
 * child, and stay.
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
