import type { FastifyInstance, LightMyRequestResponse } from 'fastify';

/**
 * An answer as compared between two addresses (one with an account, one without): what differs
 * from request to request anyway (cookies, date, request id, rate-limit count and the seconds to its
 * reset, which tick with the clock like the date, CSRF token) and the
 * address typed are set aside, so that equal means "tells nothing about the account".
 */
export function comparable(response: LightMyRequestResponse, email: string) {
  const headers = { ...response.headers };
  for (const name of [
    'set-cookie',
    'date',
    'x-request-id',
    'x-ratelimit-remaining',
    'x-ratelimit-reset',
  ])
    delete headers[name];
  return {
    status: response.statusCode,
    headers,
    body: response.body
      .replaceAll(email, 'EMAIL')
      .replace(/(name="_csrf" value="|name="csrf-token" content=")[^"]+/g, '$1TOKEN'),
  };
}

/**
 * A small browser over app.inject: keeps cookies, follows nothing by itself, and remembers the
 * CSRF token of the last HTML page so that posts look exactly like a person's form submissions.
 */
export class TestBrowser {
  readonly cookies = new Map<string, string>();
  csrfToken = '';

  constructor(
    private readonly app: FastifyInstance,
    private readonly headers: Record<string, string> = {},
  ) {}

  async get(url: string, headers: Record<string, string> = {}): Promise<LightMyRequestResponse> {
    return this.request('GET', url, undefined, headers);
  }

  /** Posts a urlencoded form, adding the current CSRF token unless `_csrf` is given (use null to omit). */
  async post(
    url: string,
    form: Record<string, string | null> = {},
    headers: Record<string, string> = {},
  ): Promise<LightMyRequestResponse> {
    const fields: Record<string, string> = {};
    for (const [key, value] of Object.entries({ _csrf: this.csrfToken, ...form }))
      if (value !== null) fields[key] = value;
    return this.request('POST', url, new URLSearchParams(fields).toString(), {
      'content-type': 'application/x-www-form-urlencoded',
      ...headers,
    });
  }

  /** Posts JSON as a page's script does (fetch, same origin, the session's cookies). */
  async postJson(url: string, body: unknown): Promise<LightMyRequestResponse> {
    return this.request('POST', url, JSON.stringify(body), { 'content-type': 'application/json' });
  }

  async login(email: string, password: string): Promise<LightMyRequestResponse> {
    await this.get('/login');
    const response = await this.post('/login', { email, password });
    if (response.statusCode !== 303)
      throw new Error(`login failed for ${email}: ${response.statusCode}`);
    // As a browser does: the page after login, whose forms carry a token bound to the new session.
    await this.get(String(response.headers.location));
    return response;
  }

  private async request(
    method: 'GET' | 'POST',
    url: string,
    payload: string | undefined,
    headers: Record<string, string>,
  ): Promise<LightMyRequestResponse> {
    const cookie = [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
    const response = await this.app.inject({
      method,
      url,
      payload,
      headers: { accept: 'text/html', ...this.headers, ...(cookie ? { cookie } : {}), ...headers },
    });
    for (const set of response.cookies as Array<{
      name: string;
      value: string;
      expires?: Date;
      maxAge?: number;
    }>) {
      const expired =
        set.value === '' || (set.expires && set.expires.getTime() < Date.now()) || set.maxAge === 0;
      if (expired) this.cookies.delete(set.name);
      else this.cookies.set(set.name, set.value);
    }
    const token =
      /<meta name="csrf-token" content="([^"]+)"/.exec(response.body)?.[1] ??
      /name="_csrf" value="([^"]+)"/.exec(response.body)?.[1];
    if (token) this.csrfToken = token;
    return response;
  }
}
