/** Keeps the API key out of messages, causes and copied headers. The one place that knows how to mask it. */

const KEY_PREFIXES = ['al_live_', 'al_test_', 'og_'] as const;

export const MASK = '****';

/** The key as safe to print: its known prefix followed by `****` (`al_live_****`), else `****`. */
export function maskApiKey(apiKey: string | undefined): string {
  if (apiKey === undefined) {
    return 'undefined';
  }
  const prefix = KEY_PREFIXES.find((p) => apiKey.startsWith(p));
  return (prefix ?? '') + MASK;
}

/** `text` with every occurrence of the key replaced by its masked form. */
export function scrub(text: string, apiKey: string): string;
export function scrub(text: string | undefined, apiKey: string): string | undefined;
export function scrub(text: string | null | undefined, apiKey: string): string | null | undefined;
export function scrub(text: string | null | undefined, apiKey: string): string | null | undefined {
  if (text === null || text === undefined || apiKey.length === 0) {
    return text;
  }
  return text.split(apiKey).join(maskApiKey(apiKey));
}

/**
 * Cuts already-masked `text` to at most `max` characters plus `...`, never inside a `****` mask (the cut moves
 * back to where it starts) and never between the halves of a surrogate pair.
 */
export function truncate(text: string, max: number): string {
  if (text.length <= max) {
    return text;
  }
  let cut = max;
  const straddling = text.lastIndexOf(MASK, cut - 1);
  if (straddling >= 0 && straddling < cut && straddling + MASK.length > cut) {
    cut = straddling;
  }
  const code = text.charCodeAt(cut - 1);
  if (cut > 0 && code >= 0xd800 && code <= 0xdbff) {
    cut--;
  }
  return text.slice(0, cut) + '...';
}

/** A copy of `headers` whose values have the key masked (a server or proxy could echo it back). */
export function safeHeaders(headers: Headers, apiKey: string): Headers {
  const copy = new Headers();
  headers.forEach((value, name) => copy.append(name, scrub(value, apiKey)));
  return copy;
}

function describe(value: unknown): string {
  try {
    if (value instanceof Error) {
      return `${value.name}\n${value.message}\n${value.stack ?? ''}\n${String(value)}`;
    }
    return typeof value === 'object' && value !== null ? JSON.stringify(value) ?? '' : String(value);
  } catch {
    return '';
  }
}

function mentions(value: unknown, apiKey: string, depth: number): boolean {
  if (value === null || value === undefined || depth > 8) {
    return false;
  }
  if (describe(value).includes(apiKey)) {
    return true;
  }
  return value instanceof Error && mentions((value as { cause?: unknown }).cause, apiKey, depth + 1);
}

/**
 * `cause` itself when nothing in it or in its cause chain mentions the key; otherwise a stand-in `Error` with the
 * same name, masked message and stack, and a masked cause chain, so that logging it cannot print the key.
 */
export function safeCause(cause: unknown, apiKey: string, depth = 0): unknown {
  if (apiKey.length === 0 || !mentions(cause, apiKey, depth)) {
    return cause;
  }
  if (!(cause instanceof Error) || depth > 8) {
    return new Error(scrub(describe(cause), apiKey));
  }
  const inner = (cause as { cause?: unknown }).cause;
  const copy = new Error(scrub(cause.message, apiKey), inner === undefined ? undefined : { cause: safeCause(inner, apiKey, depth + 1) });
  copy.name = scrub(cause.name, apiKey);
  copy.stack = scrub(cause.stack, apiKey);
  return copy;
}
