// The officer's day/night choice before the first paint (src/ui/theme.ts:
// same key, same values), so a reload at night never flashes white. A file of
// its own, loaded first in <head>: the Content-Security-Policy runs no inline
// script.
/* global localStorage, document */
try {
  var theme = localStorage.getItem('kuaichu.theme');
  if (theme === 'day' || theme === 'night') {
    document.documentElement.setAttribute('data-theme', theme);
  }
} catch {
  // No storage (private mode): the phone's own light or dark setting applies.
}
