// @ts-check
/**
 * The module edges of ShopMesh, written down once. `npm run lint` runs dependency-cruiser with the rules
 * built here, so an import that goes the wrong way, skips a layer it may not use, or closes a cycle fails.
 * docs/ARCHITECTURE.md §3 shows the same table as a diagram (`npm run docs:edges` regenerates it; a test
 * fails when it is stale).
 *
 * A new folder declares itself with ONE line in `main` or `renderer` below: its layer and the folders it may
 * import. Every folder may import itself and `src-shared/`; anything not listed is refused, and a file in
 * an undeclared folder fails lint until its line is added. An entry may name a single file
 * ('tiktok/shop/signing.ts') to allow one file of a folder and not the rest.
 */

/** @typedef {{ layer: string, may: string[], why?: string }} Element */

/** Main-process layers, lowest first (the diagram draws them in this order). */
export const mainLayers = ['core', 'infrastructure', 'domain', 'simulator', 'root', 'transport'];

/** Folders (or root files) of `src-main/`. */
/** @type {Record<string, Element>} */
export const main = {
  core: { layer: 'core', may: [], why: 'pure helpers: money in minor units, API times' },
  log: { layer: 'core', may: [] },
  'events.ts': { layer: 'core', may: [] },
  'paths.ts': { layer: 'core', may: [] },
  'version.ts': { layer: 'core', may: [] },
  security: { layer: 'core', may: [], why: 'the shell’s decisions as pure functions' },
  db: { layer: 'infrastructure', may: ['core', 'log'] },
  ipc: { layer: 'infrastructure', may: ['log'] },
  oauth: { layer: 'infrastructure', may: ['log'] },
  settings: { layer: 'infrastructure', may: ['ipc', 'log'] },
  activity: { layer: 'infrastructure', may: ['db', 'ipc'] },
  vault: { layer: 'infrastructure', may: ['activity', 'db', 'events.ts', 'log'] },
  tiktok: { layer: 'infrastructure', may: ['core', 'log'], why: 'API clients; never the sync engine' },
  profile: { layer: 'infrastructure', may: ['activity', 'ipc', 'log', 'vault'] },
  'app-lock': {
    layer: 'infrastructure',
    may: ['activity', 'ipc', 'log', 'settings'],
    why: 'locks the UI (the router’s gate), never the background work',
  },
  accounts: {
    layer: 'domain',
    may: ['activity', 'core', 'db', 'events.ts', 'ipc', 'log', 'oauth', 'profile', 'tiktok', 'vault'],
  },
  creators: {
    layer: 'domain',
    may: ['accounts', 'activity', 'core', 'db', 'events.ts', 'ipc', 'log', 'profile', 'tiktok', 'vault'],
    why: 'the creator CRM and its sources; the sync resolves the creators it meets through it',
  },
  sync: {
    layer: 'domain',
    may: ['accounts', 'core', 'creators', 'db', 'events.ts', 'ipc', 'log', 'profile', 'settings', 'tiktok'],
  },
  catalogue: {
    layer: 'domain',
    may: ['activity', 'core', 'db', 'ipc', 'log', 'profile', 'sync', 'tiktok'],
    why: 'price and stock writes to TikTok; done SKUs go into the synced rows',
  },
  analytics: {
    layer: 'domain',
    may: ['core', 'ipc', 'sync'],
    why: 'the dashboards read the rollups the sync keeps',
  },
  orders: { layer: 'domain', may: ['catalogue', 'core', 'db', 'ipc', 'log', 'sync', 'tiktok'] },
  products: { layer: 'domain', may: ['catalogue', 'core', 'db', 'ipc', 'log', 'sync', 'tiktok'] },
  collaborations: { layer: 'domain', may: ['core', 'db', 'ipc', 'log', 'sync'] },
  'promotion-links': {
    layer: 'domain',
    may: ['catalogue', 'ipc', 'log', 'tiktok'],
    why: 'generated through the catalogue’s Shop API access; outreach gets them from the root',
  },
  outreach: {
    layer: 'domain',
    may: ['accounts', 'core', 'ipc', 'log', 'profile', 'tiktok'],
    why: 'sends through the API clients with an Account’s token',
  },
  inbox: {
    layer: 'domain',
    may: ['accounts', 'creators', 'db', 'ipc', 'log', 'profile', 'tiktok'],
    why: 'creator conversations as synced; replies and read marks through the CRM’s Shop API access',
  },
  privacy: {
    layer: 'domain',
    may: ['accounts', 'activity', 'core', 'creators', 'db', 'events.ts', 'ipc', 'log', 'settings', 'vault'],
    why: 'retention, backups, export and erase over every other domain’s data, driven from the schema',
  },
  sandbox: {
    layer: 'simulator',
    may: ['core', 'log', 'profile/sandbox-info.ts', 'tiktok/shop/signing.ts'],
    why: 'a separate program: only the composition root starts it; it signs as TikTok documents',
  },
  'app.ts': {
    layer: 'root',
    may: [
      'accounts',
      'activity',
      'analytics',
      'app-lock',
      'catalogue',
      'collaborations',
      'core',
      'creators',
      'db',
      'events.ts',
      'inbox',
      'ipc',
      'log',
      'orders',
      'outreach',
      'paths.ts',
      'privacy',
      'products',
      'profile',
      'promotion-links',
      'sandbox',
      'settings',
      'sync',
      'tiktok',
      'vault',
    ],
    why: 'the composition root: builds every service',
  },
  web: { layer: 'transport', may: ['app.ts', 'log', 'paths.ts', 'security', 'version.ts'] },
  shell: { layer: 'transport', may: ['events.ts', 'log', 'outreach', 'security', 'settings', 'sync'] },
  'index.ts': {
    layer: 'transport',
    may: ['app.ts', 'log', 'outreach', 'paths.ts', 'profile', 'security', 'shell', 'version.ts'],
    why: 'the Electron entry',
  },
};

/** Renderer layers, lowest first. */
export const rendererLayers = ['base', 'shared UI', 'features', 'pages', 'app'];

/** Folders (or root files) of `src-renderer/src/`. */
/** @type {Record<string, Element>} */
export const renderer = {
  i18n: { layer: 'base', may: [] },
  format: { layer: 'base', may: [] },
  navigation: { layer: 'base', may: [] },
  styles: { layer: 'base', may: [] },
  api: { layer: 'base', may: ['i18n'] },
  components: { layer: 'shared UI', may: ['api', 'format', 'hooks', 'i18n', 'navigation'] },
  hooks: { layer: 'shared UI', may: ['api', 'components', 'format', 'i18n', 'navigation'] },
  settings: { layer: 'shared UI', may: ['api', 'components', 'hooks', 'i18n'] },
  features: {
    layer: 'features',
    may: ['api', 'components', 'format', 'hooks', 'i18n', 'navigation', 'settings'],
  },
  pages: {
    layer: 'pages',
    may: ['api', 'components', 'features', 'format', 'hooks', 'i18n', 'navigation', 'settings'],
    why: 'one folder per page; a page never imports another page',
  },
  app: {
    layer: 'app',
    may: [
      'api',
      'components',
      'features',
      'format',
      'hooks',
      'i18n',
      'navigation',
      'pages',
      'settings',
      'styles',
    ],
    why: 'styles: the warm-up worker reads the font stacks from tokens.css as text (app/warmUpWorker.ts)',
  },
  'main.tsx': { layer: 'app', may: ['app', 'i18n', 'styles'] },
  'env.d.ts': { layer: 'base', may: [] },
};

const escape = (/** @type {string} */ s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const under = (/** @type {string} */ root, /** @type {string} */ name) =>
  `^${escape(root)}${escape(name)}(/|$)`;

/**
 * @param {string} root
 * @param {Record<string, Element>} table
 * @returns {import('dependency-cruiser').IForbiddenRuleType[]}
 */
function edgeRules(root, table) {
  return Object.entries(table).map(([name, element]) => ({
    name: `edge:${root}${name}`,
    severity: 'error',
    comment: `${root}${name} may import only ${[...element.may, 'src-shared'].join(', ')} (module-edges.mjs)`,
    from: { path: under(root, name) },
    to: {
      path: '^src-',
      pathNot: [under(root, name), '^src-shared/', ...element.may.map((m) => under(root, m))],
    },
  }));
}

/** @type {import('dependency-cruiser').IForbiddenRuleType[]} */
const forbidden = [
  ...edgeRules('src-main/', main),
  ...edgeRules('src-renderer/src/', renderer),
  {
    name: 'edge:src-shared',
    severity: 'error',
    comment: 'src-shared is the bottom layer: plain schemas and helpers, importing only itself',
    from: { path: '^src-shared/' },
    to: { path: '^src-', pathNot: '^src-shared/' },
  },
  {
    name: 'edge:src-preload',
    severity: 'error',
    comment: 'the preload bundles only itself and src-shared (besides electron)',
    from: { path: '^src-preload/' },
    to: { path: '^src-', pathNot: ['^src-preload/', '^src-shared/'] },
  },
  {
    name: 'page-imports-page',
    severity: 'error',
    comment: 'a page never imports another page: move what both need to features/, components/ or hooks/',
    from: { path: '^src-renderer/src/pages/([^/]+)' },
    to: { path: '^src-renderer/src/pages/', pathNot: '^src-renderer/src/pages/$1(/|$)' },
  },
  {
    name: 'undeclared-folder',
    severity: 'error',
    comment: 'every folder declares itself with one line in module-edges.mjs',
    from: {
      path: ['^src-main/', '^src-renderer/src/'],
      pathNot: [
        ...Object.keys(main).map((name) => under('src-main/', name)),
        ...Object.keys(renderer).map((name) => under('src-renderer/src/', name)),
      ],
    },
    to: {},
  },
  {
    name: 'no-cycle',
    severity: 'error',
    comment: 'modules never import each other in a circle (type-only imports count too)',
    from: { path: '^src-' },
    to: { circular: true },
  },
];

/** @type {import('dependency-cruiser').IConfiguration} */
export default {
  forbidden,
  options: {
    tsConfig: { fileName: 'tsconfig.base.json' },
    // Type-only imports are edges too: a lower layer that needs a higher layer's type is still upside down.
    tsPreCompilationDeps: true,
    doNotFollow: { path: 'node_modules' },
    exclude: { path: 'node_modules' },
  },
};
