/**
 * The architecture's arrows, checked in CI (`npm run lint`): ingest → store ← api, all of them → domain,
 * web talks to the server over HTTP only, only store/neo4j opens Neo4j, and no module imports itself
 * back through others.
 */
module.exports = {
  forbidden: [
    {
      name: 'no-cycles',
      severity: 'error',
      comment: 'An import cycle: a stage that cannot be understood or tested on its own.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'api-not-ingest',
      severity: 'error',
      comment: 'The API reads the store; it never runs or imports ingest.',
      from: { path: '^api/' },
      to: { path: '^ingest/' },
    },
    {
      name: 'store-not-ingest',
      severity: 'error',
      comment: 'The store knows the graph, not how it was read.',
      from: { path: '^store/' },
      to: { path: '^(ingest|api|cli)/' },
    },
    {
      name: 'domain-alone',
      severity: 'error',
      comment: 'The kernel (model, ids, errors, normalise) depends on nothing of the project.',
      from: { path: '^domain/' },
      to: { path: '^(ingest|store|api|cli|web|bench)/' },
    },
    {
      name: 'ingest-not-api',
      severity: 'error',
      comment: 'Ingest writes through the store port; it does not know the API.',
      from: { path: '^ingest/' },
      to: { path: '^(api|cli|web)/' },
    },
    {
      name: 'web-over-http',
      severity: 'error',
      comment: 'The page talks to the server over HTTP only.',
      from: { path: '^web/' },
      to: { path: '^(ingest|store|api|cli|bench)/' },
    },
    {
      name: 'neo4j-driver-in-adapter',
      severity: 'error',
      comment: 'Only the Neo4j adapter (and its launcher) opens sessions.',
      from: { pathNot: '^(store/neo4j|neo4j-launcher|tests|bench)/' },
      to: { path: 'node_modules/neo4j-driver' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(node_modules|dist|data|tests/artifacts)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.mjs', '.js'] },
  },
};
