// Generates src/contract.ts, the TypeScript types of contract/schema.graphql.
//   node scripts/codegen.mjs          writes it
//   node scripts/codegen.mjs --check  fails when the committed file is out of date
import { readFileSync, writeFileSync } from 'node:fs';
import { codegen } from '@graphql-codegen/core';
import * as typescriptPlugin from '@graphql-codegen/typescript';
import { parse } from 'graphql';

const SCHEMA = new URL('../../../contract/schema.graphql', import.meta.url);
const OUTPUT = new URL('../src/contract.ts', import.meta.url);

const HEADER = `// GENERATED from contract/schema.graphql by \`npm run codegen\` in clients/shared
// (scripts/codegen.mjs, @graphql-codegen/typescript). Do not edit: change the
// schema and regenerate; \`npm test\` fails while this file is out of date.

`;

async function generate() {
  const body = await codegen({
    filename: 'contract.ts',
    schema: parse(readFileSync(SCHEMA, 'utf8')),
    documents: [],
    plugins: [{ typescript: {} }],
    pluginMap: { typescript: typescriptPlugin },
    config: {
      // String unions, not TS enums: plain JSON values type-check against them.
      enumsAsTypes: true,
      // Nullable fields are `T | null` and always present, as the API returns them.
      avoidOptionals: true,
      skipTypename: true,
      scalars: { DateTime: 'string' },
    },
  });
  return HEADER + body;
}

const generated = await generate();
if (process.argv.includes('--check')) {
  let committed = '';
  try {
    committed = readFileSync(OUTPUT, 'utf8');
  } catch {
    // A missing file is out of date too.
  }
  if (committed !== generated) {
    console.error('clients/shared/src/contract.ts is out of date with contract/schema.graphql: run `npm run codegen` in clients/shared');
    process.exit(1);
  }
} else {
  writeFileSync(OUTPUT, generated);
  console.log('wrote clients/shared/src/contract.ts');
}
