import { describe, expect, it } from 'vitest';
import { resolveConfig, type Environment, type WidgetOptions } from '../src/config';

const env: Environment = {
  scriptSrc: null,
  pageUrl: 'https://shop.example.org/account',
  pageLanguage: null,
  browserLanguages: [],
};

function configOf(options: WidgetOptions, environment: Partial<Environment> = {}) {
  return resolveConfig(options, { ...env, ...environment }).config;
}

function warningsOf(options: Record<string, unknown>): string[] {
  return resolveConfig({ token: 't', ...options } as WidgetOptions, env).warnings;
}

describe('resolveConfig: endpoints and token', () => {
  it('derives the endpoints from the origin of widget.js', () => {
    const config = configOf({ token: 't' }, { scriptSrc: 'https://chat.example.com/widget.js?v=2' });
    expect(config.httpUrl).toBe('https://chat.example.com/graphql');
    expect(config.wsUrl).toBe('wss://chat.example.com/graphql');
  });

  it('uses ws: for an http endpoint and resolves a relative one against the page', () => {
    const config = configOf({ token: 't', endpoint: '/api/graphql' }, { pageUrl: 'http://localhost:8000/demo' });
    expect(config.httpUrl).toBe('http://localhost:8000/api/graphql');
    expect(config.wsUrl).toBe('ws://localhost:8000/api/graphql');
  });

  it('falls back to the page origin without a script src', () => {
    expect(configOf({ token: 't' }).httpUrl).toBe('https://shop.example.org/graphql');
  });

  it('needs a token or getToken', () => {
    expect(() => resolveConfig({}, env)).toThrow(/token/);
    expect(() => resolveConfig(undefined, env)).toThrow(/token/);
    expect(configOf({ getToken: async () => 't' }).token).toBeUndefined();
  });
});

describe('resolveConfig: defaults', () => {
  it('fills in the defaults, without warnings', () => {
    const { config, warnings } = resolveConfig({ token: 't' }, env);
    expect(warnings).toEqual([]);
    expect(config).toMatchObject({
      title: 'Support',
      greeting: expect.stringContaining('How can we help?'),
      primaryColor: '#2563eb',
      position: 'bottom-right',
      theme: 'light',
      locale: 'en',
      direction: 'ltr',
    });
  });

  it('keeps valid options', () => {
    const config = configOf({
      token: 't',
      title: 'Acme Help',
      greeting: '',
      primaryColor: '#FFCC00',
      position: 'bottom-left',
      theme: 'auto',
      locale: 'de-CH',
    });
    expect(config).toMatchObject({
      title: 'Acme Help',
      greeting: '',
      primaryColor: '#ffcc00',
      position: 'bottom-left',
      theme: 'auto',
      locale: 'de-CH',
    });
    expect(config.strings.send).toBe('Senden');
  });

  it('takes the title and greeting from the locale when not given', () => {
    const config = configOf({ token: 't', locale: 'fr' });
    expect(config.title).toBe('Assistance');
    expect(config.greeting).toMatch(/^Bonjour/);
  });

  it('puts the launcher in the bottom left corner for a right-to-left language, unless told otherwise', () => {
    expect(configOf({ token: 't', locale: 'ar' })).toMatchObject({ direction: 'rtl', position: 'bottom-left' });
    expect(configOf({ token: 't', locale: 'ar', position: 'bottom-right' }).position).toBe('bottom-right');
  });

  it('reads the locale from <html lang>, then the browser', () => {
    expect(configOf({ token: 't' }, { pageLanguage: 'es', browserLanguages: ['de'] }).locale).toBe('es');
    expect(configOf({ token: 't' }, { pageLanguage: 'ja', browserLanguages: ['ja', 'pt-BR'] }).locale).toBe('pt-BR');
  });

  it('applies string overrides on top of the locale', () => {
    const config = configOf({ token: 't', locale: 'de', strings: { send: 'Los' } });
    expect(config.strings.send).toBe('Los');
    expect(config.strings.retry).toBe('Erneut senden');
  });
});

describe('resolveConfig: bad values', () => {
  it.each([
    ['primaryColor', 'red', /primaryColor "red"/],
    ['primaryColor', '#12345', /primaryColor/],
    ['position', 'top-left', /position "top-left"/],
    ['theme', 'blue', /theme "blue"/],
    ['locale', '12', /locale "12"/],
    ['title', '   ', /title/],
    ['greeting', 42, /greeting 42/],
    ['endpoint', 'http://[', /endpoint/],
  ])('falls back to the default for %s %j with a warning', (name, value, warning) => {
    const { config, warnings } = resolveConfig({ token: 't', [name]: value } as WidgetOptions, env);
    const defaults = resolveConfig({ token: 't' }, env).config;
    expect(config).toEqual(defaults);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(warning);
  });

  it('describes any value in the warning without throwing', () => {
    expect(warningsOf({ theme: 10n })).toEqual(['theme bigint is not "auto", "light" or "dark"']);
    expect(warningsOf({ position: Symbol('x') })).toEqual(['position Symbol(x) is not "bottom-right" or "bottom-left"']);
    expect(warningsOf({ title: () => 'x' })[0]).toMatch(/^title /);
  });

  it('treats null as not given', () => {
    expect(warningsOf({ title: null, theme: null })).toEqual([]);
  });

  it('collects one warning per bad value and never throws', () => {
    expect(warningsOf({ theme: 'x', position: 'y', strings: { nope: 'a', send: 3 } })).toHaveLength(4);
    expect(warningsOf({ strings: 'hello' })).toEqual(['`strings` must be an object']);
  });
});
