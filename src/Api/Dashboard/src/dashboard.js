// /dashboard: a county's or a township's figures from POST /graphql, drawn with Apache ECharts (bundled, no CDN).
// URL parameters: area (a county or township code inside the caller's scope), year, target (the income target of the
// trend panel). window.governanceDashboard exposes the charts and the loaded data (the browser test reads them).
import { askForKey, forgetKey, gql, storedKey, xlsx } from './api.js';
import { echarts, fontFamily } from './charts.js';
import { number, withUnit } from './format.js';
import { all as panelDefs } from './panels.js';

const params = new URLSearchParams(window.location.search);
const $ = (id) => document.getElementById(id);
const subLevel = { COUNTY: 'TOWNSHIP', TOWNSHIP: 'VILLAGE' };
const subNames = { TOWNSHIP: '乡镇', VILLAGE: '村（社区）' };
const defaultTargets = { TOWNSHIP: 1500, VILLAGE: 100 };

const state = { areas: [], area: null, year: null, target: params.has('target') ? Number(params.get('target')) : null, indicators: new Map(), generation: 0 };
const panels = [];

function toast(message, kind = 'error') {
  const element = $('toast');
  element.textContent = message;
  element.className = `toast ${kind}`;
  element.hidden = false;
  clearTimeout(toast.timer);
  toast.timer = setTimeout(() => { element.hidden = true; }, 12000);
}

function setStatus(text, error = false) {
  $('status').textContent = text;
  $('status').className = error ? 'status error' : 'status';
}

function setKpi(id, value, unit, note, noteClass = '') {
  const card = $(id);
  const valueElement = card.querySelector('.kpi-value');
  valueElement.dataset.value = value == null ? '' : String(value);
  const digits = unit === '万元' ? 2 : unit === '%' ? 1 : unit === '' ? 3 : 0;
  valueElement.textContent = value == null ? '—' : number(value, digits);
  if (value != null && unit) {
    const small = document.createElement('small');
    small.textContent = unit;
    valueElement.appendChild(small);
  }

  const noteElement = card.querySelector('.kpi-note');
  noteElement.textContent = note ?? '';
  noteElement.className = `kpi-note ${noteClass}`;
  noteElement.title = note ?? '';
}

function resetKpis() {
  for (const card of document.querySelectorAll('.kpi')) {
    setKpi(card.id, null, '', '');
  }
}

function context(overrides = {}) {
  const sub = subLevel[state.area.level];
  return {
    area: state.area,
    sub,
    subName: subNames[sub],
    year: state.year,
    target: state.target ?? defaultTargets[sub],
    unitOf: (code) => state.indicators.get(code)?.unit ?? '',
    nameOf: (code) => state.indicators.get(code)?.name ?? code,
    ...overrides,
  };
}

function fileName(panel, name, extension) {
  return `${state.area.name}_${state.year}年_${name ?? panel.def.id}.${extension}`.replace(/[\\/:*?"<>|\s]+/g, '_');
}

function download(href, name) {
  const link = document.createElement('a');
  link.href = href;
  link.download = name;
  document.body.appendChild(link);
  link.click();
  link.remove();
}

function savePng(panel) {
  const url = panel.chart.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: '#0d2247' });
  download(url, fileName(panel, panel.def.title(panel.ctx), 'png'));
  panel.element.dataset.export = 'png';
}

async function saveXlsx(panel) {
  const requests = panel.def.exports(panel.ctx, panel.data);
  panel.element.dataset.export = 'pending';
  try {
    for (const request of requests) {
      const blob = await xlsx(request.query, request.variables);
      const url = URL.createObjectURL(blob);
      download(url, fileName(panel, request.name, 'xlsx'));
      setTimeout(() => URL.revokeObjectURL(url), 60000);
    }

    panel.element.dataset.export = 'xlsx';
    toast(`已导出 ${requests.length} 个 XLSX 文件`, 'info');
  } catch (e) {
    panel.element.dataset.export = 'refused';
    toast(`「${panel.def.title(panel.ctx)}」导出 XLSX 未成功：${e.message}`);
  }
}

function button(text, title, onClick) {
  const element = document.createElement('button');
  element.type = 'button';
  element.textContent = text;
  element.title = title;
  element.addEventListener('click', onClick);
  return element;
}

function buildPanels() {
  const grid = $('panels');
  for (const def of panelDefs) {
    const element = document.createElement('section');
    element.className = `panel${def.wide ? ' wide' : ''}${def.stacked ? ' stacked' : ''}`;
    element.id = `panel-${def.id}`;
    element.dataset.state = 'loading';
    const head = document.createElement('div');
    head.className = 'panel-head';
    const title = document.createElement('h2');
    const unit = document.createElement('span');
    unit.className = 'unit';
    const tools = document.createElement('div');
    tools.className = 'tools';
    head.append(title, unit, tools);
    const body = document.createElement('div');
    body.className = 'panel-body';
    const chartElement = document.createElement('div');
    chartElement.className = 'chart';
    body.appendChild(chartElement);
    const side = document.createElement('div');
    side.className = 'side';
    if (def.side) {
      body.appendChild(side);
    }

    const foot = document.createElement('div');
    foot.className = 'panel-foot';
    element.append(head, body, foot);
    grid.appendChild(element);
    const panel = { def, element, title, unit, tools, body, chartElement, side, foot, chart: null, ctx: null, data: null };
    panel.png = button('PNG', '图表另存为 PNG 图片', () => savePng(panel));
    panel.xlsx = button('XLSX', '数据导出为 Excel（由服务器生成）', () => saveXlsx(panel));
    panels.push(panel);
  }

  // A chart follows its box: the window, and the foot below it, which takes one or two lines once its text is known.
  const resized = new ResizeObserver((entries) => entries.forEach((e) => echarts.getInstanceByDom(e.target)?.resize()));
  for (const panel of panels) {
    panel.chart = echarts.init(panel.chartElement, null, { renderer: 'canvas' });
    resized.observe(panel.chartElement);
  }
}

function showError(panel, message) {
  panel.element.dataset.state = 'error';
  panel.chart.clear();
  panel.side.replaceChildren();
  panel.foot.textContent = '';
  let error = panel.body.querySelector('.panel-error');
  if (!error) {
    error = document.createElement('div');
    error.className = 'panel-error';
    panel.body.prepend(error);
  }

  panel.chartElement.hidden = true;
  error.textContent = `未能读取：${message}`;
  panel.element.dataset.error = message;
}

async function loadPanel(panel, generation, overrides = {}) {
  const ctx = context(overrides);
  panel.ctx = ctx;
  panel.element.dataset.state = 'loading';
  delete panel.element.dataset.error;
  panel.title.textContent = panel.def.title(ctx);
  panel.unit.textContent = panel.def.unit(ctx);
  panel.tools.replaceChildren(...(panel.def.tools?.(ctx, (changes) => {
    Object.assign(state, changes);
    updateUrl();
    loadPanel(panel, state.generation, changes);
  }) ?? []), panel.png, panel.xlsx);
  try {
    const data = await panel.def.load(ctx);
    if (generation !== state.generation) {
      return;
    }

    panel.data = data;
    panel.body.querySelector('.panel-error')?.remove();
    panel.chartElement.hidden = false;
    panel.def.render({
      chart: panel.chart,
      side: panel.side,
      fontFamily,
      foot: (text) => { panel.foot.textContent = text; panel.foot.title = text; },
      kpi: setKpi,
    }, data, ctx);
    panel.chart.resize(); // at once, so that what is drawn fits the box as it now is (the observer would come a frame later)
    panel.element.dataset.state = 'ready';
  } catch (e) {
    if (generation === state.generation) {
      showError(panel, e.message);
    }
  }
}

async function loadAll() {
  const generation = ++state.generation;
  document.body.dataset.state = 'loading';
  setStatus('读取中…');
  resetKpis();
  $('title').textContent = `${state.area.name}基层治理数据看板`;
  document.title = `${state.area.name} ${state.year}年 · 基层治理数据看板`;
  await Promise.all(panels.map((p) => loadPanel(p, generation)));
  if (generation !== state.generation) {
    return;
  }

  const failed = panels.filter((p) => p.element.dataset.state === 'error').length;
  setStatus(failed ? `${failed} 个图表未能读取` : `${state.year}年 · 更新于 ${new Date().toLocaleTimeString('zh-CN', { hour12: false })}`, failed > 0);
  document.body.dataset.state = 'ready';
}

function updateUrl() {
  const url = new URL(window.location.href);
  url.searchParams.set('area', state.area.code);
  url.searchParams.set('year', String(state.year));
  if (state.target != null) {
    url.searchParams.set('target', String(state.target));
  }

  window.history.replaceState(null, '', url);
}

const areasQuery = `query DashboardAreas($after: String) {
  areas(level: TOWNSHIP, first: 1000, after: $after) {
    pageInfo { hasNextPage endCursor }
    nodes { code name level parent { code name } }
  }
}`;

async function loadAreas() {
  const first = await gql(`query DashboardStart {
  indicators { code name unit }
  counties: areas(level: COUNTY, first: 1000) { nodes { code name level } }
}`);
  state.indicators = new Map(first.indicators.map((i) => [i.code, i]));
  const townships = [];
  let after = null;
  do {
    const page = (await gql(areasQuery, { after })).areas;
    townships.push(...page.nodes);
    after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
  } while (after);

  const select = $('area');
  select.replaceChildren();
  const counties = first.counties.nodes;
  if (counties.length > 0) {
    const group = document.createElement('optgroup');
    group.label = '县（市、区）';
    group.append(...counties.map((c) => new Option(c.name, c.code)));
    select.appendChild(group);
  }

  const byCounty = new Map();
  for (const township of townships) {
    const key = township.parent?.code ?? '';
    byCounty.set(key, [...(byCounty.get(key) ?? []), township]);
  }

  for (const [code, list] of byCounty) {
    const group = document.createElement('optgroup');
    group.label = `${list[0].parent?.name ?? ''} 乡镇（街道）`;
    group.dataset.county = code;
    group.append(...list.map((t) => new Option(t.name, t.code)));
    select.appendChild(group);
  }

  state.areas = [...counties, ...townships];
}

async function loadYears() {
  const to = Math.min(new Date().getFullYear(), 2050);
  const data = await gql(`query DashboardYears($within: String!, $level: AreaLevel!, $to: String!) {
  observations(indicators: ["CE_OPERATING_INCOME"], level: $level, within: $within, from: "2000", to: $to, orderBy: [{ field: PERIOD, direction: DESC }], first: 100) {
    nodes { period { key } }
  }
}`, { within: state.area.code, level: state.area.level, to: String(to) });
  const years = data.observations.nodes.map((n) => Number(n.period.key));
  if (years.length === 0) {
    years.push(to - 1);
  }

  const select = $('year');
  select.replaceChildren(...years.map((y) => new Option(`${y}年`, String(y))));
  const wanted = state.year ?? Number(params.get('year'));
  state.year = years.includes(wanted) ? wanted : years[0];
  select.value = String(state.year);
  select.disabled = false;
}

async function chooseArea(code) {
  state.area = state.areas.find((a) => a.code === code) ?? state.areas[0];
  $('area').value = state.area.code;
  await loadYears();
  updateUrl();
  await loadAll();
}

function showCaller() {
  const key = storedKey();
  $('caller').textContent = key ? '凭据：API 密钥' : '凭据：本机匿名访问';
  $('change-key').hidden = false;
}

async function start() {
  buildPanels();
  $('change-key').addEventListener('click', async () => {
    forgetKey();
    await askForKey('请输入新的 API 密钥（作为 X-Api-Key 发送）。');
    showCaller();
    await start.reload();
  });
  start.reload = async () => {
    await loadAreas();
    await chooseArea(state.area?.code ?? params.get('area'));
  };
  try {
    await loadAreas();
    showCaller();
    if (state.areas.length === 0) {
      throw new Error('此凭据的范围内没有县或乡镇');
    }

    $('area').disabled = false;
    $('area').addEventListener('change', (e) => chooseArea(e.target.value).catch(fail));
    $('year').addEventListener('change', (e) => {
      state.year = Number(e.target.value);
      updateUrl();
      loadAll();
    });
    await chooseArea(params.get('area'));
  } catch (e) {
    fail(e);
  }
}

function fail(e) {
  setStatus(`未能读取：${e.message}`, true);
  toast(`未能读取：${e.message}`);
  document.body.dataset.state = 'error';
}

window.governanceDashboard = {
  state,
  get charts() { return Object.fromEntries(panels.map((p) => [p.def.id, p.chart])); },
  get data() { return Object.fromEntries(panels.map((p) => [p.def.id, p.data])); },
  format: { number, withUnit },
};

start();
