// Reads a raw email the way a mail client would, enough for the tests: the leaf parts of a (nested) multipart
// message, each with its headers and its body decoded from base64 or quoted-printable.
import { headerOf } from './smtp-sink.ts';

export type MimePart = { contentType: string; disposition: string; headers: string; body: string };

function decode(body: string, encoding: string): string {
  if (encoding === 'base64') return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  if (encoding === 'quoted-printable') {
    const softBreaksGone = body.replace(/=\r?\n/g, '');
    const bytes: number[] = [];
    for (let i = 0; i < softBreaksGone.length; i++) {
      const hex = softBreaksGone.slice(i + 1, i + 3);
      if (softBreaksGone[i] === '=' && /^[0-9A-F]{2}$/i.test(hex)) {
        bytes.push(Number.parseInt(hex, 16));
        i += 2;
      } else bytes.push(...Buffer.from(softBreaksGone[i]!, 'utf8'));
    }
    return Buffer.from(bytes).toString('utf8');
  }
  return body;
}

/** The message's leaf parts, in order (a message that is not multipart is its own single part). */
export function mimeParts(raw: string): MimePart[] {
  const split = /\r?\n\r?\n/.exec(raw);
  const headers = split ? raw.slice(0, split.index) : raw;
  const body = split ? raw.slice(split.index + split[0].length) : '';
  const contentType = headerOf(headers, 'Content-Type') ?? 'text/plain';
  const boundary = /boundary="?([^";]+)"?/i.exec(contentType)?.[1];
  if (contentType.toLowerCase().startsWith('multipart/') && boundary) {
    const chunks = body.split(`--${boundary}`).slice(1);
    const inside = chunks.filter((c) => !c.startsWith('--')).map((c) => c.replace(/^\r?\n/, '').replace(/\r?\n$/, ''));
    return inside.flatMap(mimeParts);
  }
  const encoding = (headerOf(headers, 'Content-Transfer-Encoding') ?? '7bit').toLowerCase();
  return [{ contentType, disposition: headerOf(headers, 'Content-Disposition') ?? '', headers, body: decode(body, encoding) }];
}
