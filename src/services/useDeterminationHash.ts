/** The hash of the determination a party signs, for the screens that bind to it. */
import { useEffect, useState } from 'react';
import { determinationContent, type CaseRecord } from '../domain';
import { canonicalJson, utf8Bytes } from '../domain/manifest';
import { sha256Hex } from '../platform/hash/sha256';

/**
 * SHA-256 of the determination content (what the parties are shown and sign,
 * `determinationContent`), recomputed when it changes; null while computing.
 */
export function useDeterminationHash(c: CaseRecord): string | null {
  const [hash, setHash] = useState<{ of: string; hex: string } | null>(null);
  const text = canonicalJson(determinationContent(c));
  useEffect(() => {
    let live = true;
    void sha256Hex(utf8Bytes(text) as Uint8Array<ArrayBuffer>).then(
      (hex) => live && setHash({ of: text, hex }),
    );
    return () => {
      live = false;
    };
  }, [text]);
  return hash?.of === text ? hash.hex : null;
}
