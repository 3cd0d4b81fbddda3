// GraphiQL for /graphql. URL parameters: query, variables (prefill the editors) and run=1 (run the query once loaded;
// the browser test uses it). The result of the last query GraphiQL ran is mirrored into <pre id="last-result"> for tests.
import { GraphiQL } from 'graphiql';
import { useEditorContext, useExecutionContext } from '@graphiql/react';
import { useEffect, useRef } from 'react';
import { createRoot } from 'react-dom/client';
import 'graphiql/graphiql.css';

const params = new URLSearchParams(window.location.search);
const endpoint = '/graphql';

async function fetcher(request) {
  const response = await fetch(endpoint, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/graphql-response+json, application/json' },
    body: JSON.stringify(request),
  });
  const result = await response.json();
  if (request.operationName !== 'IntrospectionQuery') {
    document.getElementById('last-result').textContent = JSON.stringify(result);
  }
  return result;
}

function RunOnLoad() {
  const execution = useExecutionContext({ nonNull: true });
  const editors = useEditorContext({ nonNull: true });
  const ran = useRef(false);
  useEffect(() => {
    if (!ran.current && params.get('run') === '1' && editors.queryEditor) {
      ran.current = true;
      execution.run();
    }
  }, [editors.queryEditor, execution]);
  return null;
}

const mirror = document.createElement('pre');
mirror.id = 'last-result';
mirror.hidden = true;
document.body.appendChild(mirror);

createRoot(document.getElementById('graphiql')).render(
  <GraphiQL
    fetcher={fetcher}
    defaultQuery={'# Governance GraphQL API (基层治理数据分析)\n{\n  indicators {\n    code\n    name\n    unit\n  }\n}\n'}
    query={params.get('query') ?? undefined}
    variables={params.get('variables') ?? undefined}
    toolbar={{ additionalContent: <RunOnLoad /> }}
  />,
);
