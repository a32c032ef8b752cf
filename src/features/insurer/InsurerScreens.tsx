/**
 * The insurer's screens under its home: the packets at `/insurer`, one
 * packet at `/insurer/packets/:id`. Each loads when first opened (this module
 * stays small: it is what the app's routes name for the insurer).
 */
import { lazy } from 'react';
import { matchPath, usePath } from '../../ui/router';

const PacketListScreen = lazy(() =>
  import('./PacketListScreen').then((m) => ({ default: m.PacketListScreen })),
);
const PacketScreen = lazy(() =>
  import('./PacketScreen').then((m) => ({ default: m.PacketScreen })),
);

export function InsurerScreens() {
  const id = matchPath('/insurer/packets/:id', usePath())?.id;
  return id ? <PacketScreen id={id} /> : <PacketListScreen />;
}
