// Parley's borders, checked in CI (`npm run check:borders`). See ARCHITECTURE.md and docs/decisions/007-feature-borders.md.
//
// Features may use only the features below them in this list, never one above: the dependencies between features run
// one way, so there is no cycle between them. A feature uses another through its service, its pure rules and words,
// or a small published module, never through its `*.repo.ts`.
const FEATURES_BOTTOM_UP = [
  'audit',
  'orgs',
  'settings',
  'postcodes',
  'email',
  'auth',
  'apikeys',
  'api',
  'people',
  'cases',
  'referrals',
  'volunteers',
  'meetings',
  'agreements',
  'closing',
  'send',
  'rj',
  'dataprotection',
  'reports',
  'public',
  'home',
  'setup',
  'system',
];

const oneWay = FEATURES_BOTTOM_UP.slice(0, -1).map((feature, i) => ({
  name: `features-one-way:${feature}`,
  comment: `${feature} may use only the features below it: ${FEATURES_BOTTOM_UP.slice(0, i).join(', ') || 'none'}.`,
  severity: 'error',
  from: { path: `^src/features/${feature}/` },
  to: { path: `^src/features/(${FEATURES_BOTTOM_UP.slice(i + 1).join('|')})/` },
}));

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'every-feature-in-the-order',
      comment: 'A new feature folder is added to FEATURES_BOTTOM_UP in .dependency-cruiser.cjs, at its place.',
      severity: 'error',
      from: { path: '^src/' },
      to: { path: '^src/features/', pathNot: `^src/features/(${FEATURES_BOTTOM_UP.join('|')})/` },
    },
    ...oneWay,
    {
      name: 'no-other-feature-repo',
      comment: "A feature reaches another feature's tables through that feature's service or a published module, never its repo.",
      severity: 'error',
      from: { path: '^src/(features/([^/]+)|http|jobs|db|lib|i18n|domain|access|cli|demo|backup)/' },
      to: { path: '^src/features/[^/]+/.+[.]repo[.]ts$', pathNot: '^src/features/$2/' },
    },
    {
      name: 'no-cycles-between-features',
      comment: 'Folders of different features never import each other round in a circle (cycles inside one feature are tolerated).',
      severity: 'error',
      from: { path: '^src/features/([^/]+)/' },
      to: { circular: true, via: { pathNot: '^src/features/$1/' } },
    },
    {
      name: 'lib-is-framework-free',
      comment: 'src/lib holds plain helpers: it imports no feature, no http, no db, no demo.',
      severity: 'error',
      from: { path: '^src/lib/' },
      to: { path: '^src/(features|http|db|jobs|demo|cli|access|domain)/' },
    },
    {
      name: 'domain-and-access-below-features',
      comment: 'The shared vocabulary (src/domain) and the actor, role permissions and record policies (src/access) import no feature.',
      severity: 'error',
      from: { path: '^src/(domain|access)/' },
      to: { path: '^src/(features|http|jobs|demo|cli)/' },
    },
    {
      name: 'db-below-features',
      comment: 'The database layer imports no feature, no http and no jobs.',
      severity: 'error',
      from: { path: '^src/db/' },
      to: { path: '^src/(features|http|jobs|demo|cli)/' },
    },
    {
      name: 'jobs-know-features-only-in-the-registry',
      comment: "Only jobs/registry.ts lists the features' jobs; the queue and the worker know no feature.",
      severity: 'error',
      from: { path: '^src/jobs/', pathNot: '^src/jobs/registry[.]ts$' },
      to: { path: '^src/(features|http|demo|cli)/' },
    },
    {
      name: 'http-knows-only-who-is-asking',
      comment: 'The HTTP layer imports no feature, except request-actor.ts, which turns a session or an API key into an actor through auth and apikeys.',
      severity: 'error',
      from: { path: '^src/http/' },
      to: { path: '^src/(features|demo|cli)/', pathNot: '^src/features/(auth|apikeys)/' },
    },
    {
      name: 'http-reaches-sign-in-in-one-place',
      severity: 'error',
      from: { path: '^src/http/', pathNot: '^src/http/request-actor[.]ts$' },
      to: { path: '^src/features/(auth|apikeys)/' },
    },
    {
      name: 'no-demo-in-production',
      comment: 'Demo seeding (src/demo) is used only by the CLI and the tests.',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/(demo|cli)/' },
      to: { path: '^src/demo/' },
    },
  ],
  options: {
    parser: 'swc',
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '[.]test[.]ts$' },
    // swc reports type-only imports as dependencies too, and they count: a type borrowed from a feature above is a
    // dependency on it. (tsPreCompilationDeps would ask for the tsc parser, which TypeScript 7.0 does not offer.)
    tsPreCompilationDeps: false,
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default'],
      extensions: ['.ts', '.js', '.json'],
    },
  },
};
