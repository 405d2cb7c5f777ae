/** Import boundaries: see docs/ARCHITECTURE.md ("module rules"). */
module.exports = {
  forbidden: [
    {
      name: 'domain-is-pure',
      comment:
        'packages/domain has no I/O and imports no framework: only itself, node:crypto-free maths and the geometry libraries.',
      severity: 'error',
      from: { path: '^packages/domain' },
      to: { pathNot: ['^packages/domain/', 'node_modules/(flatbush|@turf)/'] },
    },
    {
      name: 'no-unresolvable',
      comment: 'An import that does not resolve is a missing dependency (or a boundary dodge).',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
    {
      name: 'domain-no-node-io',
      severity: 'error',
      from: { path: '^packages/domain' },
      to: {
        dependencyTypes: ['core'],
        path: '^(fs|net|http|https|child_process|worker_threads|node:fs|node:net|node:http|node:child_process)',
      },
    },
    {
      name: 'contracts-only-zod',
      comment: 'contracts are shared by server and browser: zod only.',
      severity: 'error',
      from: { path: '^packages/contracts' },
      to: { path: '^apps/|node_modules/(?!zod/)' },
    },
    {
      name: 'web-never-imports-api',
      severity: 'error',
      from: { path: '^apps/web' },
      to: { path: '^apps/api' },
    },
    {
      name: 'api-never-imports-web',
      severity: 'error',
      from: { path: '^apps/api' },
      to: { path: '^apps/web' },
    },
    {
      name: 'web-features-are-independent',
      comment: 'A web feature never imports another feature; share through src/components or src/lib.',
      severity: 'error',
      from: { path: '^apps/web/src/features/([^/]+)/' },
      to: { path: '^apps/web/src/features/([^/]+)/', pathNot: '^apps/web/src/features/$1/' },
    },
    {
      name: 'api-modules-through-index',
      comment: 'Another API module is reached only through its index.ts.',
      severity: 'error',
      from: { path: '^apps/api/src/modules/([^/]+)/' },
      to: {
        path: '^apps/api/src/modules/([^/]+)/',
        pathNot: ['^apps/api/src/modules/$1/', '^apps/api/src/modules/[^/]+/index\\.ts$'],
      },
    },
    {
      name: 'routes-never-touch-repositories',
      severity: 'error',
      from: { path: '\\.routes\\.ts$' },
      to: { path: '\\.repository\\.ts$' },
    },
    { name: 'no-circular', severity: 'error', from: {}, to: { circular: true } },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)dist/|/migrations/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.base.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
    },
  },
};
