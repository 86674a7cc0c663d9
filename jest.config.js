/** Jest: ts-jest for TypeScript; office-addin-mock needs uuid and strip-bom transformed (they ship ESM). */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/tests', '<rootDir>/src'],
  testMatch: ['**/*.test.ts', '**/*.test.tsx'],
  transform: {
    '^.+\\.(t|j)sx?$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.test.json' }],
  },
  transformIgnorePatterns: ['/node_modules/(?!(uuid|strip-bom)/)'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/', '/dist-cli/', '/tests/e2e/'],
};
