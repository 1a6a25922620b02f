/**
 * Integration files run one after another on one database. The reconciliation of the *seeded* data with the
 * report must see the database as seeded, before the workflow tests (certificates issued, projects drawn,
 * clearance steps moved) change it; so it runs first, then the rest in vitest's usual order.
 */
import { BaseSequencer, type TestSpecification } from 'vitest/node';

const FIRST = ['reconciliation.test.ts', 'platform.test.ts'];

export class SeededDataFirst extends BaseSequencer {
  async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const rank = (f: TestSpecification) => {
      const i = FIRST.findIndex((name) => f.moduleId.endsWith(name));
      return i === -1 ? FIRST.length : i;
    };
    return [...sorted].sort((a, b) => rank(a) - rank(b));
  }
}
