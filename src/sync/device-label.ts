/**
 * What a phone is called when it enrols (the admin's "Enrolled phones" list
 * shows it beside the officer and the date): its system and browser read off
 * the user agent, e.g. "Android 14 · Chrome 150", never the raw string.
 */
const SYSTEMS: ReadonlyArray<readonly [RegExp, (m: RegExpMatchArray) => string]> = [
  [/Android (\d+)/, (m) => `Android ${m[1]}`],
  [/iPhone OS (\d+)/, (m) => `iPhone iOS ${m[1]}`],
  [/iPad.*OS (\d+)/, (m) => `iPad iOS ${m[1]}`],
  [/HarmonyOS/, () => 'HarmonyOS'],
  [/Windows NT/, () => 'Windows'],
  [/Mac OS X/, () => 'macOS'],
  [/Linux/, () => 'Linux'],
];

const BROWSERS: ReadonlyArray<readonly [RegExp, string]> = [
  [/EdgA?\/(\d+)/, 'Edge'],
  [/MicroMessenger\/(\d+)/, 'WeChat'],
  [/Firefox\/(\d+)/, 'Firefox'],
  [/(?:Headless)?Chrome\/(\d+)/, 'Chrome'],
  [/Version\/(\d+).*Safari/, 'Safari'],
];

export function deviceLabelOf(userAgent: string): string {
  let system = '';
  for (const [re, name] of SYSTEMS) {
    const m = userAgent.match(re);
    if (m) {
      system = name(m);
      break;
    }
  }
  let browser = '';
  for (const [re, name] of BROWSERS) {
    const m = userAgent.match(re);
    if (m) {
      browser = `${name} ${m[1] ?? ''}`.trim();
      break;
    }
  }
  const label = [system, browser].filter(Boolean).join(' · ');
  return label || 'Kuaichu phone';
}
