// A browser-like client over app.inject(): keeps cookies, reads the CSRF token from the last page, follows nothing.
import type { ParleyApp } from '#src/app.ts';

type Response = Awaited<ReturnType<ParleyApp['inject']>>;

export class WebClient {
  readonly cookies = new Map<string, string>();
  csrf: string | undefined;
  last: Response | undefined;
  readonly app: ParleyApp;
  /** The client's IP address as the app sees it (inject's default is 127.0.0.1). */
  readonly remoteAddress: string | undefined;
  constructor(app: ParleyApp, opts: { remoteAddress?: string } = {}) {
    this.app = app;
    this.remoteAddress = opts.remoteAddress;
  }

  private remember(res: Response) {
    for (const c of res.cookies as { name: string; value: string; maxAge?: number; expires?: Date }[]) {
      if (c.value === '' || (c.expires && c.expires.getTime() < Date.now())) this.cookies.delete(c.name);
      else this.cookies.set(c.name, c.value);
    }
    const m = /name="_csrf" value="([^"]+)"/.exec(res.body);
    if (m) this.csrf = m[1];
    this.last = res;
    return res;
  }

  private cookieHeader() {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  async get(url: string, headers: Record<string, string> = {}) {
    return this.remember(
      await this.app.inject({ method: 'GET', url, remoteAddress: this.remoteAddress, headers: { cookie: this.cookieHeader(), ...headers } }),
    );
  }

  /** Posts a form the way a browser would, with the CSRF token from the last page seen. */
  async post(url: string, form: Record<string, string | string[]> = {}, opts: { csrf?: boolean } = {}) {
    const params = new URLSearchParams(opts.csrf === false ? {} : { _csrf: this.csrf ?? '' });
    for (const [k, v] of Object.entries(form)) for (const one of [v].flat()) params.append(k, one);
    const body = params.toString();
    return this.remember(
      await this.app.inject({
        method: 'POST',
        url,
        remoteAddress: this.remoteAddress,
        payload: body,
        headers: { cookie: this.cookieHeader(), 'content-type': 'application/x-www-form-urlencoded' },
      }),
    );
  }

  /** GETs the page first (for its CSRF token), then posts the form. */
  async submit(pageUrl: string, form: Record<string, string | string[]>, action = pageUrl) {
    await this.get(pageUrl);
    return this.post(action, form);
  }
}
