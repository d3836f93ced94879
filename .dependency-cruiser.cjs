/**
 * The import graph as docs/architecture.md draws it, enforced by `npm run check` (and therefore CI):
 * `npx depcruise lib entrypoints components adapters` must report no violation.
 * @type {import('dependency-cruiser').IConfiguration}
 */
module.exports = {
  forbidden: [
    {
      name: 'no-cycles',
      severity: 'error',
      comment: 'A cycle makes two modules one: neither can be read, tested or moved without the other.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'lib-is-shipped-and-pure',
      severity: 'error',
      comment:
        'lib/ ships in the extension and is unit-tested in Node: it takes its environment as arguments and never ' +
        'reaches into entrypoints, UI components, the adapters, WXT, the browser polyfill or Node built-ins.',
      from: { path: '^lib/' },
      to: {
        path: [
          '^entrypoints/',
          '^components/',
          '^adapters/',
          '^scripts/',
          '^node_modules/(wxt|webextension-polyfill|@wxt-dev)/',
        ],
      },
    },
    {
      name: 'lib-no-node-builtins',
      severity: 'error',
      comment: 'Node-only code lives in scripts/ (CLI, training, dataset, linkedom parsing), never in lib/.',
      from: { path: '^(lib|components|adapters)/' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'lib-ships-no-dev-dependencies',
      severity: 'error',
      comment:
        'What lib/ imports ships in the extension: a devDependency there (linkedom, a test DOM, a bench tool) ' +
        'means Node-only code that belongs in scripts/.',
      from: { path: '^(lib|components)/' },
      to: { dependencyTypes: ['npm-dev'], dependencyTypesNot: ['type-only', 'triple-slash-type-reference'] },
    },
    {
      name: 'components-are-presentational',
      severity: 'error',
      comment: 'components/ render what they are given; they never import an entrypoint or the browser glue.',
      from: { path: '^components/' },
      to: { path: ['^entrypoints/', '^adapters/', '^node_modules/(wxt|webextension-polyfill|@wxt-dev)/'] },
    },
    {
      name: 'adapters-serve-entrypoints',
      severity: 'error',
      comment:
        'adapters/ wrap browser APIs for the entrypoints; they never import an entrypoint or a component.',
      from: { path: '^adapters/' },
      to: { path: ['^entrypoints/', '^components/'] },
    },
    {
      name: 'classify-then-explain',
      severity: 'error',
      comment:
        'The classifier labels a clause and asks lib/explain for its sentence, one way: explain reads only the ' +
        'shared vocabulary of categories and stances (lib/classify/taxonomy.ts), never the classifier.',
      from: { path: '^lib/explain/' },
      to: { path: '^lib/classify/', pathNot: '^lib/classify/taxonomy\\.ts$' },
    },
    {
      name: 'entrypoints-do-not-import-each-other',
      severity: 'error',
      comment:
        'Each entrypoint is its own bundle and context; shared code lives in lib/, adapters/ or components/.',
      from: { path: '^entrypoints/([^/]+)/' },
      to: { path: '^entrypoints/', pathNot: '^entrypoints/$1/' },
    },
    {
      name: 'message-map-only-in-messaging-layer',
      severity: 'error',
      comment:
        'lib/messages.ts is protocol: the messaging layer reads it (adapters/messaging, the message guards, router and page channel, ' +
        'and the listeners: background, offscreen document, content scripts). Pages and components send ' +
        'through adapters/messaging and import domain types from the module that owns them.',
      from: {
        pathNot: [
          '^adapters/messaging\\.ts$',
          '^lib/(message-(guards|router)|page-channel)\\.ts$',
          '^entrypoints/(background|offscreen|page-analysis|every-page)/',
        ],
      },
      to: { path: '^lib/messages\\.ts$' },
    },
    {
      name: 'policy-pages-load-no-checkout-code',
      severity: 'error',
      comment:
        'page-analysis.js is what every policy page waits for (fetched, compiled and evaluated before its ' +
        'analysis starts). The checkout analysis and tldts (the Public Suffix List) are a script of their own, ' +
        'entrypoints/checkout-analysis, imported by URL on checkout pages only (wxt.config.ts); neither the page ' +
        'analysis nor lib/ outside lib/checkout may pull them in (tests/build/bundle-contents.test.ts checks the build).',
      from: { path: '^(entrypoints/page-analysis/|lib/(?!checkout/))' },
      to: {
        path: ['^lib/checkout/(analyze-checkout|dialog-terms|site)\\.ts$', '^node_modules/tldts'],
        dependencyTypesNot: ['type-only'],
      },
    },
    {
      name: 'no-orphans',
      severity: 'warn',
      comment: 'A module nothing imports is dead code (or a forgotten entrypoint).',
      from: {
        orphan: true,
        pathNot: ['\\.d\\.ts$', '^entrypoints/', '(^|/)\\.[^/]+\\.(c?js|json)$', '\\.css$'],
      },
      to: {},
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: ['^\\.wxt/', '^\\.output/'] },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.json'],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
