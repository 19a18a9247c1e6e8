// The session and CSRF cookies' names. Over https they carry the `__Host-` prefix, which browsers accept only with
// Secure, Path=/ and no Domain, so no other site or subdomain can set or overwrite them (no cookie tossing).
export type CookieNames = {
  session: string;
  csrf: string;
  /** True when the names are `__Host-` ones: every Set-Cookie for them, clearing too, must be Secure with Path=/. */
  hostPrefixed: boolean;
};

export function cookieNamesFor(baseUrl: string): CookieNames {
  const hostPrefixed = new URL(baseUrl).protocol === 'https:';
  const prefix = hostPrefixed ? '__Host-' : '';
  return { session: `${prefix}parley_session`, csrf: `${prefix}parley_csrf`, hostPrefixed };
}
