// Writes Queries/*.graphql: graphql-js's getIntrospectionQuery() text with and without its options, from the graphql
// package that src/Api/GraphiQL installs (run `npm ci` there first). Run: node generate-queries.mjs
import { createRequire } from 'node:module';
import { writeFileSync } from 'node:fs';

const require = createRequire(new URL('../../../../src/Api/GraphiQL/package.json', import.meta.url));
const { getIntrospectionQuery, version } = require('graphql');
const all = { specifiedByUrl: true, directiveIsRepeatable: true, schemaDescription: true, inputValueDeprecation: true, oneOf: true };
const variants = {
  // The default: what GraphiQL 3.8 (its props inputValueDeprecation and schemaDescription unset), GraphQL Code Generator,
  // Postman, Insomnia and most clients send.
  'default': {},
  'no-descriptions': { descriptions: false },
  'specified-by-url': { specifiedByUrl: true },
  'directive-is-repeatable': { directiveIsRepeatable: true },
  'schema-description': { schemaDescription: true },
  'input-value-deprecation': { inputValueDeprecation: true },
  'one-of': { oneOf: true },
  'all-options': all,
  // Seven levels of ofType, as graphql-js 15 and Apollo's tools send, with deprecated arguments.
  'type-depth-7': { inputValueDeprecation: true, typeDepth: 7 },
};
for (const [name, options] of Object.entries(variants)) {
  writeFileSync(new URL(`Queries/${name}.graphql`, import.meta.url), getIntrospectionQuery(options));
}
console.log(`graphql ${version}: ${Object.keys(variants).length} queries written`);
