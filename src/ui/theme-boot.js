// The officer's day/night choice before the first paint (src/ui/theme.ts:
// same key, same values), so a reload at night never flashes white. Inlined
// into index.html's <head> at build (scripts/inline-boot-script.ts: no request
// before the first paint); the Content-Security-Policy allows it by its hash.
/* global localStorage, document */
try {
  var theme = localStorage.getItem('kuaichu.theme');
  if (theme === 'day' || theme === 'night') {
    document.documentElement.setAttribute('data-theme', theme);
  }
} catch {
  // No storage (private mode): the phone's own light or dark setting applies.
}
