import { readFileSync } from 'node:fs';
import path from 'node:path';
import { buildSchema, parse, validate } from 'graphql';
import { curlCommand, EXPLORER_PRESETS } from '../../admin/src/explorer/presets';
import { explorer } from '../../admin/src/i18n/explorer';

/** The explorer's ready queries run against the schema as it is, and "copy as curl" never carries a real token. */
const schema = buildSchema(readFileSync(path.join(__dirname, '../../schema.graphql'), 'utf8'));

test.each(EXPLORER_PRESETS.map((preset) => [preset.id, preset] as const))('the ready query %s is valid against schema.graphql and labelled in both languages', (_id, preset) => {
  expect(validate(schema, parse(preset.query))).toEqual([]);
  // The page's messages sit under `reti` (it.ts, en.ts).
  for (const messages of [explorer.it, explorer.en]) {
    const label = preset.label.replace(/^reti\./, '').split('.').reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], messages);
    expect(typeof label).toBe('string');
  }
});

test('copy as curl names the API token $RETI_TOKEN and quotes the body for the shell', () => {
  const command = curlCommand('https://reti.example.it/graphql', `query { partners(filter: { q: "l'impresa" }) { total } }`, { x: "it's" }, 'tenant-id');
  expect(command).toContain(`-H "Authorization: Bearer $RETI_TOKEN"`);
  expect(command).toContain(`-H 'X-Tenant-Id: tenant-id'`);
  expect(command).toContain(`'\\''`);
  expect(command).not.toMatch(/eyJ|Bearer [^$]/);
});
