import { defineConfig } from 'vitest/config';
import { SeededDataFirst } from './tests/integration/sequencer.ts';

// Three projects, one runner: unit (pure functions), integration (HTTP API on a real database:
// embedded PGlite+PostGIS, or the server in DATABASE_URL), e2e (headless Debian Chromium on the built app).
export default defineConfig({
  test: {
    // a root option (vitest ignores it per project): the seeded-data reconciliation runs before workflow tests
    sequence: { sequencer: SeededDataFirst },
    projects: [
      { test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], environment: 'node' } },
      {
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['tests/integration/global-setup.ts'],
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 300_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['tests/e2e/global-setup.ts'],
          fileParallelism: false,
          testTimeout: 120_000,
          hookTimeout: 300_000,
        },
      },
    ],
  },
});
