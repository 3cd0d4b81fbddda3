// Prints, as JSON { version, client, served }, two SDLs sorted by graphql-js: the client schema graphql-js builds from an
// introspection answer (buildClientSchema) and the served SDL (buildSchema). The test asserts they are equal. A query that
// does not ask for the schema's description (schemaDescription: false, graphql-js's default) is compared without it.
// Usage: node client-schema.mjs <graphiql folder with node_modules> <answer.json> <schema.graphql>
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const [folder, answerFile, sdlFile] = process.argv.slice(2);
const require = createRequire(join(folder, 'package.json'));
const { GraphQLSchema, buildClientSchema, buildSchema, lexicographicSortSchema, printSchema, version } = require('graphql');
const answer = JSON.parse(readFileSync(answerFile, 'utf8'));
const asked = (schema) => 'description' in answer.data.__schema ? schema : new GraphQLSchema({ ...schema.toConfig(), description: undefined });
const print = (schema) => printSchema(lexicographicSortSchema(schema));
console.log(JSON.stringify({
  version,
  client: print(buildClientSchema(answer.data)),
  served: print(asked(buildSchema(readFileSync(sdlFile, 'utf8')))),
}));
