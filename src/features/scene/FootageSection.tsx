/**
 * The case screen's roadside video: the brigade's units near the case from
 * the field pack this phone keeps (so the list works offline), and the
 * case's footage requests, made and followed through the server.
 */
import type { CaseRecord } from '../../domain';
import { useKeptVideoPack } from '../../services/useFootage';
import { useFootagePart } from '../../services/useFootagePart';
import { FootagePart } from '../../ui/Footage';

export function FootageSection({ c }: { c: CaseRecord }) {
  const pack = useKeptVideoPack(c.officer?.id);
  const { props } = useFootagePart(c, pack);
  return <FootagePart {...props} />;
}
