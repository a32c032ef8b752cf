// The first screen prerendered into index.html (src/app/first-screen.tsx) is
// the case list's frame at `/`, in Chinese, online. Where the page is another,
// the phone's language English, its role's home not the case list
// (first-screen-hint.ts) or the phone offline (React's first screen adds the
// offline line), it stays hidden, its place kept, until React draws the page's
// own: no other page or language flashes, nothing shifts. Inlined into
// index.html's <head> at build like theme-boot.js, allowed by its hash.
/* global localStorage, document, location, navigator */
try {
  if (
    location.pathname !== '/' ||
    !navigator.onLine ||
    localStorage.getItem('kuaichu.language') === 'en' ||
    localStorage.getItem('kuaichu.first-screen') === 'other'
  ) {
    document.documentElement.setAttribute('data-first-screen', 'hidden');
  }
} catch {
  document.documentElement.setAttribute('data-first-screen', 'hidden');
}
