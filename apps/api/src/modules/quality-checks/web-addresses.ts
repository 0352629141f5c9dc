export interface WebAddress {
  /** As written, trailing punctuation removed. */
  text: string;
  /** Lower case, without scheme, port, path or a leading "www.". */
  host: string;
  index: number;
}

const TOP_LEVEL = '(?:go\\.th|or\\.th|ac\\.th|co\\.th|in\\.th|mi\\.th|net\\.th|com|net|org|info|gov|edu|me|io|ly|gle|be|th)';
// A scheme-less address must end in a known top-level domain, so "Line, Facebook" or "e.g." never match.
const WEB_ADDRESS = new RegExp(
  `(?<![@A-Za-z0-9._/-])(?:(https?:\\/\\/)(?:[a-z0-9-]+\\.)+[a-z]{2,}|(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\\.)+${TOP_LEVEL})(?![a-z0-9-])(?::[0-9]+)?(?:\\/[^\\s<>"'()\\u0E00-\\u0E7F]*)?`,
  'gi',
);

/** What every address `WEB_ADDRESS` finds contains (a label's last character, a dot, a letter): most Thai text has none. */
const MAYBE_ADDRESS = /[a-z0-9-]\.[a-z]/i;

/** Web addresses in a text ("www.bangsainoi.go.th", "https://x.go.th/a"); e-mail domains are skipped. */
export function findWebAddresses(text: string): WebAddress[] {
  if (!MAYBE_ADDRESS.test(text)) return [];
  return [...text.matchAll(WEB_ADDRESS)].map((match) => {
    const written = match[0].replace(/[.,;:!?]+$/, '');
    return { text: written, host: readHost(written), index: match.index };
  });
}

export function readHost(address: string): string {
  return address
    .trim()
    .toLowerCase()
    .replace(/^[a-z]+:\/\//, '')
    .replace(/[/:?#].*$/, '')
    .replace(/^www\./, '');
}

/** Same site: the same host, or a subdomain of the agency's own one. */
export function isSameSite(host: string, ownHost: string): boolean {
  return host === ownHost || host.endsWith(`.${ownHost}`);
}

/**
 * National platforms and social media every agency links to: citing them is not a sign of text
 * copied from another agency's report.
 */
export const SHARED_PLATFORM_HOSTS = [
  'nacc.go.th',
  'dla.go.th',
  'moi.go.th',
  'opdc.go.th',
  'ocsc.go.th',
  'oag.go.th',
  'thaigov.go.th',
  'soc.go.th',
  'gprocurement.go.th',
  'egp.go.th',
  'dga.or.th',
  'facebook.com',
  'fb.com',
  'fb.me',
  'line.me',
  'youtube.com',
  'youtu.be',
  'google.com',
  'forms.gle',
  'tiktok.com',
  'instagram.com',
  'twitter.com',
  'x.com',
] as const;

export const isSharedPlatform = (host: string): boolean => SHARED_PLATFORM_HOSTS.some((platform) => isSameSite(host, platform));
