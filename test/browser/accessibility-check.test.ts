// The journeys' accessibility check itself: it must find what axe finds, with JavaScript on and off, or every journey
// would pass whatever its pages held. A small page with known faults, served on a loopback port, checked both ways;
// then the same page mended, which passes.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumAvailable, INSTALL_HINT, launchChromium, PageWatch } from './browser.ts';

const runs = chromiumAvailable();
if (!runs && process.env.CI)
  it('has Chromium to run the journeys in', () => {
    throw new Error(INSTALL_HINT);
  });

const page = (body: string) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>A test page</title></head><body><main><h1>A test page</h1>${body}</main></body></html>`;
const FAULTY = page('<img src="/nothing.png"><form><input type="text" name="name"></form>');
const MENDED = page('<img src="/nothing.png" alt="A picture"><form><label for="name">Name</label><input type="text" id="name" name="name"></form>');

describe.skipIf(!runs)('the accessibility check the journeys run on every page', () => {
  let server: Server;
  let base: string;
  let browser: Browser;
  beforeAll(async () => {
    server = createServer((req, res) => {
      if (req.url === '/nothing.png') return void res.writeHead(404).end();
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(req.url === '/mended' ? MENDED : FAULTY);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => server?.close(resolve));
  });

  for (const javaScriptEnabled of [true, false]) {
    it(`finds an image without a text alternative and a field without a label, JavaScript ${javaScriptEnabled ? 'on' : 'off'}`, async () => {
      const watch = new PageWatch();
      const tab = await watch.watch(await browser.newContext({ javaScriptEnabled }), { javaScriptEnabled }).newPage();
      await tab.goto(`${base}/faulty`);
      const failure = await watch.check(tab, 'faulty').then(
        () => undefined,
        (err: Error) => err.message,
      );
      expect(failure).toContain('image-alt');
      expect(failure).toContain('label');
      await tab.goto(`${base}/mended`);
      await watch.check(tab, 'mended');
      expect(watch.checkedPages).toEqual(['mended']);
      await tab.context().close();
    });
  }
});
