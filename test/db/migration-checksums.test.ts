import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import committed from './migration-checksums.json';

/*
 * Migrations are append-only. A database keeps the migrations it has run (schema_migrations) and
 * never runs one twice, so an edited migration silently leaves every existing database on the old
 * schema. Change the schema with a new migration; add its checksum here when you commit it.
 */
const DIR = path.join(__dirname, '../../migrations');
const sha256 = (file: string) => createHash('sha256').update(readFileSync(path.join(DIR, file))).digest('hex');
const onDisk = readdirSync(DIR).filter((file) => file.endsWith('.ts')).sort();

test('no committed migration has been edited or removed', () => {
  const now = Object.fromEntries(Object.keys(committed).map((file) => [file, onDisk.includes(file) ? sha256(file) : 'missing']));
  expect(now).toEqual(committed);
});

test('every migration has its checksum recorded, and runs after the ones recorded before it', () => {
  expect(onDisk).toEqual(Object.keys(committed).sort());
  const timestamps = Object.keys(committed).map((file) => Number(file.split('-')[0]));
  expect(timestamps).toEqual([...timestamps].sort((a, b) => a - b));
});
