import { randomBytes } from 'node:crypto';
import { DemoData, seedDemo } from '../../server/src/seed/demo-data';
import { TestApp } from './app';

/** The demo dataset `npm start` loads, seeded by the same function on the test database, under a tag of its own. */
export function seedDemoData(t: TestApp): Promise<DemoData> {
  return seedDemo(t.app.services, `T${randomBytes(3).toString('hex')}`);
}
