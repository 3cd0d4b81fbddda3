// The dashboard's calls to POST /graphql: at most three at once (the API serves four per caller and queues two), the
// API key from sessionStorage or localStorage as X-Api-Key (none at first: the anonymous loopback caller where the API
// allows it), a key asked for on 401, a 429 waited out, and XLSX exports asked for with the spreadsheet media type.

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const JSON_TYPES = 'application/graphql-response+json, application/json';
const KEY_NAME = 'governance.dashboard.apiKey';
const MAX_RUNNING = 3;

export class ApiError extends Error {
  constructor(message, status) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
  }
}

let running = 0;
const waiting = [];

async function limited(task) {
  if (running >= MAX_RUNNING) {
    await new Promise((resolve) => waiting.push(resolve)); // the finishing task hands its slot over
  } else {
    running++;
  }

  try {
    return await task();
  } finally {
    const next = waiting.shift();
    if (next) {
      next();
    } else {
      running--;
    }
  }
}

export function storedKey() {
  return sessionStorage.getItem(KEY_NAME) ?? localStorage.getItem(KEY_NAME);
}

export function forgetKey() {
  sessionStorage.removeItem(KEY_NAME);
  localStorage.removeItem(KEY_NAME);
}

let keyPrompt = null;

/** Shows the key dialog once for every request waiting on a 401; resolves when a key is entered. */
export function askForKey(reason) {
  keyPrompt ??= new Promise((resolve) => {
    const dialog = document.getElementById('key-dialog');
    const form = document.getElementById('key-form');
    const input = document.getElementById('key-input');
    document.getElementById('key-reason').textContent = reason;
    input.value = '';
    const previousState = document.body.dataset.state;
    document.body.dataset.state = 'need-key';
    dialog.addEventListener('cancel', (e) => e.preventDefault()); // the page cannot go on without credentials
    form.addEventListener('submit', () => {
      const key = input.value.trim();
      forgetKey();
      (document.getElementById('key-remember').checked ? localStorage : sessionStorage).setItem(KEY_NAME, key);
      document.body.dataset.state = previousState;
      keyPrompt = null;
      resolve(key);
    }, { once: true });
    dialog.showModal();
    input.focus();
  });
  return keyPrompt;
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function messageOf(response) {
  const text = await response.text();
  try {
    const body = JSON.parse(text);
    return body.errors?.map((e) => e.message).join('；') || text;
  } catch {
    return text;
  }
}

/** POSTs a GraphQL request; asks for a key on 401 and retries, waits out a 429 (three times at most). */
export async function send(request, accept) {
  for (let attempt = 0; ; attempt++) {
    const key = storedKey();
    const headers = { 'Content-Type': 'application/json', Accept: accept };
    if (key) {
      headers['X-Api-Key'] = key;
    }

    const response = await limited(() => fetch('/graphql', { method: 'POST', headers, body: JSON.stringify(request), credentials: 'omit', cache: 'no-store' }));
    if (response.status === 401) {
      const message = await messageOf(response);
      if (storedKey() === key) { // else another request already got a new key: retry with it
        await askForKey(key ? `密钥未通过验证（${message}），请重新输入。` : '此服务需要凭据：请输入 API 密钥（作为 X-Api-Key 发送）。');
      }
      continue;
    }

    if (response.status === 429 && attempt < 3) {
      await sleep(Math.min(Number(response.headers.get('Retry-After')) || 1, 10) * 1000);
      continue;
    }

    return response;
  }
}

/**
 * The data of a query. Errors throw an ApiError with the API's messages; with partial, an answer with data and
 * errors returns both (a panel shows what it got and names what failed).
 */
export async function gql(query, variables, { partial = false } = {}) {
  const response = await send({ query, variables }, JSON_TYPES);
  const type = response.headers.get('Content-Type') ?? '';
  if (!type.includes('json')) {
    throw new ApiError(`HTTP ${response.status}：${await response.text()}`, response.status);
  }

  const body = await response.json();
  const errors = body.errors?.map((e) => e.message) ?? [];
  if (body.data && partial) {
    return { data: body.data, errors };
  }

  if (errors.length > 0) {
    throw new ApiError(errors.join('；'), response.status);
  }

  if (!response.ok) {
    throw new ApiError(`HTTP ${response.status}`, response.status);
  }

  return body.data;
}

/** Every node of one connection field (the query takes $after and selects pageInfo { hasNextPage endCursor }). */
export async function allNodes(query, variables, field, maxPages = 20) {
  const nodes = [];
  let after = null;
  for (let page = 0; page < maxPages; page++) {
    const connection = (await gql(query, { ...variables, after }))[field];
    nodes.push(...connection.nodes);
    if (!connection.pageInfo.hasNextPage) {
      return nodes;
    }

    after = connection.pageInfo.endCursor;
  }

  throw new ApiError(`${field}: more than ${maxPages} pages`, 200);
}

/**
 * Asks the API for the answer as XLSX (the server flattens the query's first list into rows). Returns the workbook as
 * a Blob, or throws an ApiError saying what the server answered instead.
 */
export async function xlsx(query, variables) {
  const response = await send({ query, variables }, XLSX_TYPE);
  const type = response.headers.get('Content-Type') ?? '';
  if (response.ok && type.startsWith(XLSX_TYPE)) {
    return response.blob();
  }

  const detail = (await messageOf(response)).trim().slice(0, 300);
  throw new ApiError(`服务器没有返回 XLSX（HTTP ${response.status}${type ? `，${type.split(';')[0]}` : ''}）${detail ? `：${detail}` : ''}`, response.status);
}
