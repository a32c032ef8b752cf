/**
 * Hands bytes made or fetched in the page to the browser to save as a file
 * (`<a download>` on an object URL; works offline too). The URL is let go a
 * minute later, once the download has surely taken the bytes.
 */
export function saveFile(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
