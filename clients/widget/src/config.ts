/**
 * The options the host page passes to `SupportChat.init`: validated, with the
 * defaults filled in. Pure: what the page and browser say comes in as
 * `Environment`, and problems go out as `warnings` (a bad value falls back to
 * its default; only a missing token throws).
 */
import { isHexColor } from './color';
import { bundledStrings, isBundled } from './i18n/bundled';
import { canonicalLocale, directionOf, languageOf, resolveLocale, type Direction } from './i18n/locale';
import { applyOverrides, type StringOverrides } from './i18n/overrides';
import type { Strings } from './i18n/strings';

export type Position = 'bottom-right' | 'bottom-left';
export type Theme = 'auto' | 'light' | 'dark';

export interface WidgetOptions {
  /** End-user JWT signed by the host app's backend. */
  token?: string;
  /** Returns a fresh token; called when there is none yet or the server rejects it. */
  getToken?: () => Promise<string>;
  /** GraphQL endpoint; defaults to `<origin of widget.js>/graphql`. */
  endpoint?: string;
  title?: string;
  greeting?: string;
  /** A CSS hex colour. */
  primaryColor?: string;
  position?: Position;
  theme?: Theme;
  /** A BCP 47 language tag, e.g. "de" or "pt-BR". */
  locale?: string;
  strings?: StringOverrides;
}

export interface Config {
  token: string | undefined;
  getToken: (() => Promise<string>) | undefined;
  httpUrl: string;
  wsUrl: string;
  title: string;
  /** Empty when the host turned the greeting off. */
  greeting: string;
  primaryColor: string;
  position: Position;
  theme: Theme;
  locale: string;
  direction: Direction;
  strings: Strings;
}

/** What the page and the browser tell about where the widget runs. */
export interface Environment {
  /** The src of the widget's own <script> (captured when it ran). */
  scriptSrc: string | null;
  pageUrl: string;
  /** The page's `<html lang>`. */
  pageLanguage: string | null;
  /** `navigator.languages`, most preferred first. */
  browserLanguages: readonly string[];
}

export const DEFAULT_PRIMARY_COLOR = '#2563eb';
const POSITIONS: readonly Position[] = ['bottom-right', 'bottom-left'];
const THEMES: readonly Theme[] = ['auto', 'light', 'dark'];

function isOneOf<T extends string>(values: readonly T[], value: unknown): value is T {
  return (values as readonly unknown[]).includes(value);
}

/** The value as a warning shows it; whatever it is, without throwing. */
function shown(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return typeof value;
  }
}

function endpoints(endpoint: string | undefined, env: Environment): { httpUrl: string; wsUrl: string } {
  const http = endpoint ? new URL(endpoint, env.pageUrl) : new URL('/graphql', env.scriptSrc || env.pageUrl);
  const ws = new URL(http.href);
  ws.protocol = http.protocol === 'https:' ? 'wss:' : 'ws:';
  return { httpUrl: http.href, wsUrl: ws.href };
}

export function resolveConfig(
  options: WidgetOptions | undefined,
  env: Environment,
): { config: Config; warnings: string[] } {
  const given: WidgetOptions = options ?? {};
  const token = typeof given.token === 'string' && given.token ? given.token : undefined;
  const getToken = typeof given.getToken === 'function' ? given.getToken : undefined;
  if (!token && !getToken) throw new Error('SupportChat.init: pass `token` or `getToken`');

  const warnings: string[] = [];
  /** The option's value when `valid`, else a warning and undefined (the default). */
  function check<T>(
    name: keyof WidgetOptions,
    valid: (value: unknown) => value is T,
    expected: string,
  ): T | undefined {
    const value: unknown = given[name];
    if (value === undefined || value === null) return undefined;
    if (valid(value)) return value;
    warnings.push(`${name} ${shown(value)} is not ${expected}`);
    return undefined;
  }
  const isString = (value: unknown): value is string => typeof value === 'string';
  const isText = (value: unknown): value is string => isString(value) && value.trim() !== '';

  const isUrl = (value: unknown): value is string => {
    if (!isText(value)) return false;
    try {
      return Boolean(new URL(value, env.pageUrl));
    } catch {
      return false;
    }
  };
  const isLocale = (value: unknown): value is string => canonicalLocale(value) !== null;
  const isHex = (value: unknown): value is string => isString(value) && isHexColor(value);

  const endpoint = check('endpoint', isUrl, 'a URL');
  const requested = check('locale', isLocale, 'a BCP 47 language tag');
  const locale = resolveLocale(canonicalLocale(requested), env.pageLanguage, env.browserLanguages, isBundled);
  const direction = directionOf(locale);
  const { strings, problems } = applyOverrides(bundledStrings(languageOf(locale)), given.strings);
  warnings.push(...problems);
  const primaryColor = check('primaryColor', isHex, 'a hex colour such as #2563eb');
  const position = check('position', (value) => isOneOf(POSITIONS, value), '"bottom-right" or "bottom-left"');
  const theme = check('theme', (value) => isOneOf(THEMES, value), '"auto", "light" or "dark"');

  return {
    config: {
      token,
      getToken,
      ...endpoints(endpoint, env),
      title: check('title', isText, 'a non-empty string') ?? strings.title,
      greeting: check('greeting', isString, 'a string') ?? strings.greeting,
      primaryColor: primaryColor?.toLowerCase() ?? DEFAULT_PRIMARY_COLOR,
      // The launcher sits in the corner where lines end: the left one in a right-to-left language.
      position: position ?? (direction === 'rtl' ? 'bottom-left' : 'bottom-right'),
      theme: theme ?? 'light',
      locale,
      direction,
      strings,
    },
    warnings,
  };
}
