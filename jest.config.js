/** Jest: ts-jest for TypeScript; office-addin-mock needs uuid and strip-bom transformed (they ship ESM). */
const { bundledRubricFile } = require('./scripts/bundled-rubric-file');

module.exports = {
  testEnvironment: 'node',
  // Whole-workbook tests on a busy 2-core CI machine: the limit catches a hang, it does not time anything.
  testTimeout: 60_000,
  roots: ['<rootDir>/tests', '<rootDir>/src'],
  testMatch: ['**/*.test.ts', '**/*.test.tsx'],
  transform: {
    '^.+\\.(t|j)sx?$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.test.json' }],
    // The bundled rubric is imported parsed and schema-checked, as the webpack loader gives it to the bundles.
    '\\.yaml$': '<rootDir>/tests/support/yaml-transform.js',
  },
  // Nested copies count too (node_modules/@microsoft/app-manifest/node_modules/strip-bom).
  // The bundled rubric, as webpack resolves it (package.json config.rubric or RUBRIC_FILE).
  moduleNameMapper: { '^bundled-rubric\\.yaml$': bundledRubricFile() },
  transformIgnorePatterns: ['/node_modules/(?!(.*/node_modules/)?(uuid|strip-bom)/)'],
  // jest-dom matchers; a ResizeObserver stub for Fluent UI under jsdom.
  setupFilesAfterEnv: ['<rootDir>/tests/support/setup-dom.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/', '/dist-cli/', '/tests/e2e/'],
};
