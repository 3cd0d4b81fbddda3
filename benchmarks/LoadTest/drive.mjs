// Drives the API with autocannon: N connections for S seconds, cycling through the GraphQL bodies of a JSON file.
// Usage: node drive.mjs URL CONNECTIONS SECONDS BODIES.json  -> prints one JSON line with the figures.
import autocannon from 'autocannon';
import { readFileSync } from 'node:fs';

const [url, connections, seconds, bodiesFile] = process.argv.slice(2);
const queries = JSON.parse(readFileSync(bodiesFile, 'utf8'));
const result = await autocannon({
  url,
  connections: Number(connections),
  duration: Number(seconds),
  timeout: 60,
  requests: queries.map((query) => ({
    method: 'POST',
    path: '/graphql',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({ query }),
  })),
});
const statusCodes = Object.fromEntries(Object.entries(result.statusCodeStats ?? {}).map(([code, stat]) => [code, stat.count]));
console.log(JSON.stringify({
  requests: result.requests.total,
  requestsPerSecond: result.requests.average,
  p50: result.latency.p50,
  p99: result.latency.p99,
  non2xx: result.non2xx,
  serverErrors: result['5xx'],
  errors: result.errors,
  timeouts: result.timeouts,
  statusCodes,
}));
