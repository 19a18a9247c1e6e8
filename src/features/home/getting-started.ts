// Pure: the getting-started checklist on an admin's home. Each item is worked out from the service's real data and
// links to where it is done; the list is shown until every item is done or an admin dismisses it.
import { msg } from '#src/i18n/i18n.ts';

export type SetupFacts = {
  /** The settings as stored, before defaults are filled in: a member present means an admin has saved it. */
  storedSettings: Record<string, unknown>;
  postcodePrefixes: number;
  localAuthorities: number;
  /** Whether the postcode → local authority lookup has been loaded on this site. */
  postcodeLookupLoaded: boolean;
  /** Whether the admin runs this Parley instance, and so can load the lookup themselves. */
  operator?: boolean;
  welcome: string;
  privacyNotice: string;
  /** Active members and open invitations, by role. */
  roles: string[];
  venues: number;
  volunteers: number;
};

export type ChecklistItem = { id: string; text: string; hint: string; href: string; done: boolean };

export function gettingStarted(f: SetupFacts): ChecklistItem[] {
  const saved = (key: string) => Object.hasOwn(f.storedSettings, key);
  return [
    {
      id: 'settings',
      text: msg('Check your service’s settings'),
      hint: msg('Your reference prefix and the notices shown to staff and the public.'),
      href: '/settings',
      done: saved('referencePrefix'),
    },
    {
      id: 'case-types',
      text: msg('Choose the case types you offer'),
      hint: msg('People can only be referred for these.'),
      href: '/settings/case-types',
      done: saved('caseTypes'),
    },
    {
      id: 'areas',
      text: msg('Say which areas you cover'),
      hint: msg('Postcode areas or local authorities, for the public coverage check.'),
      href: '/settings/areas',
      done: f.postcodePrefixes + f.localAuthorities > 0,
    },
    ...(f.localAuthorities > 0 && !f.postcodeLookupLoaded
      ? [
          {
            id: 'postcode-lookup',
            text: msg('Load the postcode lookup'),
            hint: f.operator
              ? msg(
                  'You cover local authorities, but the postcode to local authority lookup has not been loaded, so the public coverage check says it cannot tell yet. Upload the ONS postcode file: you run this Parley instance, so you can.',
                )
              : msg(
                  'You cover local authorities, but the postcode to local authority lookup has not been loaded, so the public coverage check says it cannot tell yet. Ask whoever runs Parley for you (an instance operator) to load the ONS postcode file, or list postcode areas instead.',
                ),
            href: f.operator ? '/instance/postcodes' : '/settings/areas',
            done: false,
          },
        ]
      : []),
    {
      id: 'safeguarding-lead',
      text: msg('Invite a safeguarding lead'),
      hint: msg('They are told about disclosures of risk of serious harm and decide what happens.'),
      href: '/people/invite',
      done: f.roles.includes('safeguarding_lead'),
    },
    {
      id: 'venues',
      text: msg('Add a venue'),
      hint: msg('Where meetings take place, with its rooms and opening hours.'),
      href: '/venues/new',
      done: f.venues > 0,
    },
    { id: 'volunteers', text: msg('Add your volunteers'), hint: msg('The mediators you pair on cases.'), href: '/volunteers/new', done: f.volunteers > 0 },
    {
      id: 'colleagues',
      text: msg('Invite your colleagues'),
      hint: msg('Coordinators, supervisors and others who work on cases.'),
      href: '/people/invite',
      done: f.roles.length > 1,
    },
    {
      id: 'public-page',
      text: msg('Write your public page'),
      hint: msg('A welcome and a privacy notice for the page people find you through.'),
      href: '/settings/texts',
      done: f.welcome.trim() !== '' && f.privacyNotice.trim() !== '',
    },
  ];
}
