// The seven panels of the dashboard. Each one reads the API (load), draws its chart and table (render) and says which
// queries its XLSX export sends (exports: the server flattens each query's first list into rows).
import { allNodes, gql } from './api.js';
import { axis, base, colors, emptyGraphic, palette } from './charts.js';
import { bandLabel, escapeHtml, growth, levelNames, number, quarterName, signed, withUnit } from './format.js';

const WEAK = ['CE_WEAK_VILLAGES', 'CE_WEAK_SHARE'];
const INCOME = 'CE_OPERATING_INCOME';
const COVERAGE = 'ORG_COMPOUND_COVERAGE';
/** Indicators whose targets (fct_target) the dashboard follows. */
const TARGETED = ['CE_WEAK_VILLAGES', 'ORG_DEMO_SITES', 'CE_OPERATING_INCOME'];
/** The yearly reports whose senders are checked: the collective-economy report (villages) and party members (villages and communities). */
const REPORTS = ['CE_OPERATING_INCOME', 'ORG_PARTY_MEMBERS'];

function table(side, headers, rows, empty) {
  const element = document.createElement('table');
  const head = element.createTHead().insertRow();
  for (const header of headers) {
    const th = document.createElement('th');
    th.textContent = header;
    head.appendChild(th);
  }

  const body = element.createTBody();
  for (const row of rows) {
    const tr = body.insertRow();
    row.forEach((cell, i) => {
      const td = tr.insertCell();
      td.textContent = cell;
      if (i > 0 && typeof cell === 'string' && !/^[−+±\d.,—%\s]/.test(cell)) {
        td.className = 'text';
      }
    });
  }

  if (rows.length === 0) {
    const td = body.insertRow().insertCell();
    td.colSpan = headers.length;
    td.className = 'empty';
    td.textContent = empty;
  }

  side.replaceChildren(element);
  return element;
}

/** A round number at or above value (1,650 -> 2,000; 110 -> 200). */
function niceCeil(value) {
  const step = 10 ** Math.floor(Math.log10(value));
  return Math.ceil(value / step) * step;
}

function changeClass(value, lowerIsBetter) {
  if (!value) {
    return '';
  }

  return (value > 0) === lowerIsBetter ? (value > 0 ? 'up-bad' : 'down-bad') : (value > 0 ? 'up-good' : 'down-good');
}

const observationFields = 'area { code name } period { key label } indicator { code name unit } value yoyChange yoyGrowth';

export const weak = {
  id: 'weak',
  title: (ctx) => `薄弱村：各${ctx.subName}本年与上年`,
  unit: () => '个 · %',
  query: `query DashboardWeak($within: String!, $level: AreaLevel!, $sub: AreaLevel!, $from: String!, $to: String!) {
  total: observations(indicators: ["CE_WEAK_VILLAGES", "CE_WEAK_SHARE"], level: $level, within: $within, from: $from, to: $to, first: 10) {
    nodes { indicatorCode period { key } value numerator denominator yoyChange reportingUnits expectedUnits }
  }
  bySub: observations(indicators: ["CE_WEAK_VILLAGES", "CE_WEAK_SHARE"], level: $sub, within: $within, from: $from, to: $to, orderBy: [{ field: AREA }, { field: PERIOD }], first: 1000) {
    nodes { area { code name } indicatorCode period { key } value yoyChange }
  }
}`,
  variables: (ctx) => ({ within: ctx.area.code, level: ctx.area.level, sub: ctx.sub, from: String(ctx.year - 1), to: String(ctx.year) }),
  load(ctx) {
    return gql(this.query, this.variables(ctx));
  },
  render(view, data, ctx) {
    const year = String(ctx.year);
    const last = String(ctx.year - 1);
    const find = (code, key) => data.total.nodes.find((n) => n.indicatorCode === code && n.period.key === key);
    const count = find('CE_WEAK_VILLAGES', year);
    const share = find('CE_WEAK_SHARE', year);
    const countUnit = ctx.unitOf('CE_WEAK_VILLAGES');
    view.kpi('kpi-weak', count?.value, countUnit, count ? `较上年 ${signed(count.yoyChange, countUnit)}` : '本年无数据', changeClass(count?.yoyChange, true));
    view.kpi('kpi-weak-share', share?.value, '%', share ? `${number(share.numerator, 0)} / ${number(share.denominator, 0)} 村 · 较上年 ${signed(share.yoyChange, '%')}` : '本年无数据', changeClass(share?.yoyChange, true));

    const areas = new Map();
    for (const node of data.bySub.nodes) {
      const entry = areas.get(node.area.code) ?? { name: node.area.name, values: {} };
      entry.values[`${node.indicatorCode}:${node.period.key}`] = node.value;
      areas.set(node.area.code, entry);
    }

    let shown = [...areas.values()];
    if (ctx.sub === 'VILLAGE') { // one village is 0 or 1 weak village: show those weak in either year
      shown = shown.filter((a) => a.values[`CE_WEAK_VILLAGES:${year}`] > 0 || a.values[`CE_WEAK_VILLAGES:${last}`] > 0);
    }

    const series = [
      { name: `${last}年`, type: 'bar', itemStyle: { color: colors.previous }, data: shown.map((a) => a.values[`CE_WEAK_VILLAGES:${last}`] ?? null) },
      { name: `${year}年`, type: 'bar', itemStyle: { color: colors.warn }, label: { show: true, position: 'top', color: colors.text }, data: shown.map((a) => a.values[`CE_WEAK_VILLAGES:${year}`] ?? null) },
    ];
    if (ctx.sub !== 'VILLAGE') {
      series.push({ name: `${year}年占比`, type: 'line', yAxisIndex: 1, symbolSize: 6, itemStyle: { color: colors.bad }, data: shown.map((a) => a.values[`CE_WEAK_SHARE:${year}`] ?? null) });
    }

    view.chart.setOption(base({
      legend: { top: 0, textStyle: { color: colors.muted } },
      tooltip: { trigger: 'axis', valueFormatter: (v) => (v == null ? '—' : number(v, Number.isInteger(v) ? 0 : 1)) },
      grid: { left: 8, right: 8, top: 34, bottom: 4, containLabel: true },
      xAxis: axis({ type: 'category', data: shown.map((a) => a.name), axisLabel: { color: colors.muted, interval: 0, rotate: shown.length > 6 ? 40 : 0 } }),
      yAxis: [axis({ type: 'value', name: countUnit, minInterval: 1 }), axis({ show: ctx.sub !== 'VILLAGE', type: 'value', name: '%', splitLine: { show: false } })],
      series,
      graphic: shown.length === 0 ? [emptyGraphic(`${year}年与${last}年均无薄弱村`, colors.good)] : [],
    }), true);
    view.foot(count
      ? `${ctx.area.name}${year}年薄弱村 ${withUnit(count.value, countUnit)}（上年 ${withUnit(find('CE_WEAK_VILLAGES', last)?.value, countUnit)}），占已报村的 ${withUnit(share?.value, '%')}；薄弱村：集体经营性收入低于当期阈值的村`
      : `${ctx.area.name} ${year}年没有村报送集体经营性收入`);
  },
  exports: (ctx) => [{
    name: '薄弱村',
    query: `query DashboardWeakExport($within: String!, $sub: AreaLevel!, $from: String!, $to: String!) {
  observations(indicators: ["CE_WEAK_VILLAGES", "CE_WEAK_SHARE"], level: $sub, within: $within, from: $from, to: $to, orderBy: [{ field: AREA }, { field: PERIOD }], first: 1000) {
    nodes { ${observationFields} }
  }
}`,
    variables: { within: ctx.area.code, sub: ctx.sub, from: String(ctx.year - 1), to: String(ctx.year) },
  }],
};

const distributionQuery = `query DashboardDistribution($within: String!, $period: String!) {
  distribution(indicator: "CE_OPERATING_INCOME", period: $period, within: $within) {
    bands { label lower upper count }
    count mean median q1 q3 p10 p90 min max gini
  }
}`;

export const distribution = {
  id: 'distribution',
  title: () => '村集体经营性收入分布',
  unit: (ctx) => `村数 · ${ctx.unitOf(INCOME)}`,
  load: (ctx) => gql(distributionQuery, { within: ctx.area.code, period: String(ctx.year) }),
  render(view, data, ctx) {
    const d = data.distribution;
    const unit = ctx.unitOf(INCOME);
    view.kpi('kpi-gini', d.gini, '', d.count > 0 ? `${d.count} 个村 · 中位数 ${withUnit(d.median, unit)}` : '本年无数据');
    const band = [colors.bad, colors.bad, colors.warn, '#8fb3ff', colors.accent, colors.good, colors.good];
    view.chart.setOption(base({
      tooltip: { trigger: 'axis', formatter: (items) => `${escapeHtml(items[0].name)} ${escapeHtml(unit)}<br>${items[0].value} 个村（${number(d.count ? (100 * items[0].value) / d.count : null, 1)}%）` },
      grid: { left: 8, right: 12, top: 40, bottom: 4, containLabel: true },
      xAxis: axis({ type: 'category', data: d.bands.map(bandLabel), axisLabel: { color: colors.muted, interval: 0 } }),
      yAxis: axis({ type: 'value', name: '村数', minInterval: 1 }),
      series: [{
        type: 'bar',
        barMaxWidth: 48,
        data: d.bands.map((b, i) => ({ value: b.count, itemStyle: { color: b.lower === 0 && b.upper === 0 ? colors.bad : band[Math.min(i, band.length - 1)] } })),
        label: { show: true, position: 'top', color: colors.text, formatter: (p) => (d.count ? `${p.value}（${number((100 * p.value) / d.count, 0)}%）` : `${p.value}`) },
      }],
      graphic: [
        { type: 'text', right: 12, top: 4, style: { text: `基尼系数 ${number(d.gini, 3)}`, fill: colors.warn, font: `bold 15px ${view.fontFamily}` } },
        ...(d.count === 0 ? [emptyGraphic('本年无数据')] : []),
      ],
    }), true);
    view.foot(`${d.count} 个村（${unit}）：中位数 ${number(d.median, 2)}，四分位 ${number(d.q1, 2)}–${number(d.q3, 2)}，P10–P90 ${number(d.p10, 2)}–${number(d.p90, 2)}，均值 ${number(d.mean, 2)}，最小 ${number(d.min, 2)}，最大 ${number(d.max, 2)}`);
  },
  exports: (ctx) => [{ name: '收入分组', query: distributionQuery, variables: { within: ctx.area.code, period: String(ctx.year) } }],
};

const rankingRows = `rows: observations(indicators: ["CE_OPERATING_INCOME"], level: $sub, within: $within, from: $period, to: $period, orderBy: [{ field: VALUE, direction: DESC }], first: 1000) {
    totalCount
    nodes { area { code name } value yoyGrowth yoyChange reportingUnits expectedUnits }
  }`;

export const ranking = {
  id: 'ranking',
  title: (ctx) => `各${ctx.subName}村集体经营性收入（由高到低）`,
  unit: (ctx) => ctx.unitOf(INCOME),
  load: (ctx) => gql(`query DashboardRanking($within: String!, $level: AreaLevel!, $sub: AreaLevel!, $period: String!) {
  total: observations(indicators: ["CE_OPERATING_INCOME"], level: $level, within: $within, from: $period, to: $period, first: 1) {
    nodes { value yoyGrowth yoyChange reportingUnits expectedUnits }
  }
  ${rankingRows}
}`, { within: ctx.area.code, level: ctx.area.level, sub: ctx.sub, period: String(ctx.year) }),
  render(view, data, ctx) {
    const unit = ctx.unitOf(INCOME);
    const total = data.total.nodes[0];
    view.kpi('kpi-income', total?.value, unit, total ? `同比 ${growth(total.yoyGrowth)} · 已报 ${total.reportingUnits}/${total.expectedUnits} 个村` : '本年无数据', changeClass(total?.yoyGrowth, false));
    const rows = data.rows.nodes;
    view.chart.setOption(base({
      tooltip: {
        trigger: 'axis',
        axisPointer: { type: 'shadow' },
        formatter: (items) => {
          const row = rows[items[0].dataIndex];
          return `${escapeHtml(row.area.name)}<br>${escapeHtml(withUnit(row.value, unit))}<br>同比 ${growth(row.yoyGrowth)}（${escapeHtml(signed(row.yoyChange, unit))}）`;
        },
      },
      grid: { left: 8, right: 70, top: 6, bottom: 4, containLabel: true },
      xAxis: axis({ type: 'value', name: unit, axisLabel: { color: colors.muted, hideOverlap: true } }),
      yAxis: axis({ type: 'category', inverse: true, data: rows.map((r) => r.area.name), axisLabel: { color: colors.muted, interval: 0, fontSize: rows.length > 20 ? 10 : 12 } }),
      series: [{
        type: 'bar',
        barMaxWidth: 18,
        itemStyle: { color: colors.accent, borderRadius: [0, 3, 3, 0] },
        label: { show: true, position: 'right', color: colors.text, fontSize: rows.length > 20 ? 10 : 12, formatter: (p) => number(p.value, 0) },
        data: rows.map((r) => r.value),
      }],
      graphic: rows.length === 0 ? [emptyGraphic('本年无数据')] : [],
    }), true);
    view.foot(total ? `${ctx.area.name}合计 ${withUnit(total.value, unit)}，同比 ${growth(total.yoyGrowth)}（${signed(total.yoyChange, unit)}）` : '');
  },
  exports: (ctx) => [{
    name: '收入排名',
    query: `query DashboardRankingExport($within: String!, $sub: AreaLevel!, $period: String!) {\n  ${rankingRows}\n}`,
    variables: { within: ctx.area.code, sub: ctx.sub, period: String(ctx.year) },
  }],
};

const coverageQuery = `query DashboardCoverage($within: String!, $sub: AreaLevel!, $from: String!, $to: String!) {
  observations(indicators: ["ORG_COMPOUND_COVERAGE"], level: $sub, within: $within, grain: QUARTER, from: $from, to: $to, orderBy: [{ field: AREA }, { field: PERIOD }], first: 1000) {
    nodes { area { code name } period { key label } value numerator denominator yoyChange }
  }
}`;

export const coverage = {
  id: 'coverage',
  title: (ctx) => `小区建制式党组织覆盖率：${ctx.subName} × 季度`,
  unit: () => '%',
  load: (ctx) => gql(coverageQuery, { within: ctx.area.code, sub: ctx.sub, from: `${ctx.year}Q1`, to: `${ctx.year}Q4` }),
  render(view, data, ctx) {
    const rows = data.observations.nodes;
    const areas = [...new Map(rows.map((r) => [r.area.code, r.area.name])).entries()];
    const quarters = ['Q1', 'Q2', 'Q3', 'Q4'];
    const cells = rows.map((r) => [quarters.indexOf(r.period.key.slice(-2)), areas.findIndex(([code]) => code === r.area.code), r.value == null ? null : Math.round(r.value * 10) / 10, r]);
    const lowest = Math.min(100, ...rows.filter((r) => r.value != null).map((r) => r.value));
    const lastQuarter = rows.reduce((q, r) => (r.period.key > q ? r.period.key : q), '');
    const below = rows.filter((r) => r.period.key === lastQuarter && r.value != null && r.value < 100).length;
    view.chart.setOption(base({
      tooltip: {
        formatter: (p) => {
          const r = p.data[3];
          return `${escapeHtml(r.area.name)} ${escapeHtml(r.period.label)}<br>覆盖率 ${number(r.value, 1)}%（${number(r.numerator, 0)} / ${number(r.denominator, 0)} 个小区）<br>同比 ${escapeHtml(signed(r.yoyChange, '%'))}`;
        },
      },
      grid: { left: 8, right: 12, top: 6, bottom: 44, containLabel: true },
      xAxis: axis({ type: 'category', data: quarters.map(quarterName), splitArea: { show: false } }),
      yAxis: axis({ type: 'category', inverse: true, data: areas.map(([, name]) => name), axisLabel: { color: colors.muted, interval: 0, fontSize: areas.length > 20 ? 10 : 12 } }),
      visualMap: {
        dimension: 2,
        min: Math.min(90, Math.floor(lowest / 10) * 10),
        max: 100,
        calculable: false,
        orient: 'horizontal',
        left: 'center',
        bottom: 0,
        itemHeight: 160,
        text: ['100%', `${Math.min(90, Math.floor(lowest / 10) * 10)}%`],
        textStyle: { color: colors.muted },
        inRange: { color: [colors.bad, colors.warn, colors.good] },
      },
      series: [{
        type: 'heatmap',
        data: cells,
        label: { show: true, color: '#071429', fontSize: areas.length > 20 ? 9 : 12, formatter: (p) => number(p.data[2], 1) },
        itemStyle: { borderColor: colors.panel, borderWidth: 2 },
      }],
      graphic: rows.length === 0 ? [emptyGraphic('本年无小区数据')] : [],
    }), true);
    view.foot(rows.length ? `${lastQuarter.replace('Q', '年第')}季度：${below} 个${ctx.subName}低于 100%；覆盖率 = 建立党组织的小区数 / 小区数` : '');
  },
  exports: (ctx) => [{ name: '小区党组织覆盖率', query: coverageQuery, variables: { within: ctx.area.code, sub: ctx.sub, from: `${ctx.year}Q1`, to: `${ctx.year}Q4` } }],
};

const trendFields = 'area { code name } cagr trendGrowth rSquared change projectedYear(target: $target)';

export const trend = {
  id: 'trend',
  wide: true,
  side: true,
  title: (ctx) => `各${ctx.subName}村集体经营性收入趋势与预计达标年份`,
  unit: (ctx) => ctx.unitOf(INCOME),
  tools(ctx, reload) {
    const label = document.createElement('label');
    label.textContent = '目标 ';
    const input = document.createElement('input');
    input.type = 'number';
    input.min = '0';
    input.step = 'any';
    input.id = 'trend-target';
    input.value = String(ctx.target);
    input.addEventListener('change', () => {
      const value = Number(input.value);
      if (Number.isFinite(value) && value > 0) {
        reload({ target: value });
      }
    });
    label.append(input, ` ${ctx.unitOf(INCOME)}`);
    return [label];
  },
  load: (ctx) => gql(`query DashboardTrend($within: String!, $sub: AreaLevel!, $from: Int!, $to: Int!, $target: Float!) {
  growth(indicator: "CE_OPERATING_INCOME", level: $sub, within: $within, from: $from, to: $to) {
    points { year value }
    ${trendFields}
  }
}`, { within: ctx.area.code, sub: ctx.sub, from: ctx.year - 5, to: ctx.year, target: ctx.target }),
  render(view, data, ctx) {
    const unit = ctx.unitOf(INCOME);
    const areas = data.growth.filter((g) => g.points.length > 0);
    const projected = areas.map((g) => g.projectedYear).filter((y) => y != null);
    const end = Math.max(ctx.year, Math.min(Math.max(ctx.year, ...projected), ctx.year + 15));
    const earliest = Math.min(ctx.year, ...areas.map((g) => g.points[0].year));
    const step = end - earliest > 12 ? 2 : 1;
    const start = earliest;
    const stop = start + (Math.ceil((end - start) / step) * step); // a whole number of steps, so that both ends are labelled
    const highest = Math.max(0, ...areas.flatMap((g) => g.points.map((p) => p.value)));
    const series = [];
    const labelled = new Set();
    areas.forEach((g, i) => {
      const color = palette[i % palette.length];
      series.push({ name: g.area.name, type: 'line', symbolSize: 5, itemStyle: { color }, lineStyle: { width: 2 }, data: g.points.map((p) => [p.year, p.value]) });
      const last = g.points[g.points.length - 1];
      if (g.projectedYear != null && g.projectedYear > last.year && g.projectedYear <= end && last.value < ctx.target) {
        const labelHere = !labelled.has(g.projectedYear); // one label a year where several lines arrive together (the table lists them all)
        labelled.add(g.projectedYear);
        series.push({
          name: g.area.name,
          type: 'line',
          symbol: ['none', 'circle'],
          symbolSize: 7,
          itemStyle: { color },
          lineStyle: { type: 'dashed', width: 1.5 },
          label: { show: labelHere, position: 'top', color, fontSize: 11, formatter: (p) => (p.dataIndex === 1 ? `${g.projectedYear}` : '') },
          tooltip: { show: false },
          data: [[last.year, last.value], [g.projectedYear, ctx.target]],
        });
      }
    });
    if (series.length > 0) {
      series[0].markLine = {
        silent: true,
        symbol: 'none',
        lineStyle: { color: colors.bad, type: 'dotted', width: 1.5 },
        label: { color: colors.bad, formatter: `目标 ${number(ctx.target, 0)} ${unit}`, position: 'insideStartTop' },
        data: [{ yAxis: ctx.target }],
      };
    }

    view.chart.setOption(base({
      legend: { type: 'scroll', top: 0, textStyle: { color: colors.muted }, pageTextStyle: { color: colors.muted }, pageIconColor: colors.accent },
      tooltip: { trigger: 'item', formatter: (p) => `${escapeHtml(p.seriesName)} ${p.value[0]}年<br>${escapeHtml(withUnit(p.value[1], unit))}` },
      grid: { left: 8, right: 24, top: 48, bottom: 4, containLabel: true },
      xAxis: axis({ type: 'value', min: start, max: stop, interval: step, axisLabel: { color: colors.muted, formatter: (v) => `${v}` }, splitLine: { show: false } }),
      yAxis: axis({ type: 'value', name: unit, max: highest < ctx.target ? niceCeil(ctx.target * 1.1) : undefined }),
      series,
      graphic: areas.length === 0 ? [emptyGraphic('无数据')] : [],
    }), true);

    const ordered = [...areas].sort((a, b) => (a.projectedYear ?? 9999) - (b.projectedYear ?? 9999) || a.area.code.localeCompare(b.area.code));
    table(view.side, [ctx.subName, '年均增长', '趋势增长', 'r²', '预计达标'], ordered.map((g) => {
      const last = g.points[g.points.length - 1];
      const reached = last.value >= ctx.target;
      return [g.area.name, growth(g.cagr), growth(g.trendGrowth), number(g.rSquared, 3), reached ? '已达到' : g.projectedYear == null ? '趋势达不到' : `${g.projectedYear}年`];
    }), '无数据');
    view.foot(`${start}–${ctx.year}年；趋势为 ln(收入) 的最小二乘直线，虚线连到趋势达到目标 ${number(ctx.target, 0)} ${unit} 的年份（超过 ${ctx.year + 15} 年的不画）`);
  },
  exports: (ctx) => [{
    name: '收入趋势',
    query: `query DashboardTrendExport($within: String!, $sub: AreaLevel!, $from: Int!, $to: Int!, $target: Float!) {
  growth(indicator: "CE_OPERATING_INCOME", level: $sub, within: $within, from: $from, to: $to) { ${trendFields} }
}`,
    variables: { within: ctx.area.code, sub: ctx.sub, from: ctx.year - 5, to: ctx.year, target: ctx.target },
  }],
};

const attainmentFields = 'area { code name } indicatorCode period { key } target actual actualPeriod { key } met gap onSchedule projectedYear lowerIsBetter';

/** One attainment list per followed indicator, level (the area's, its sub-level, villages) and year (this one and the next). */
function targetLists(ctx) {
  const levels = [...new Set([ctx.area.level, ctx.sub, 'VILLAGE'])];
  const lists = [];
  for (const indicator of TARGETED) {
    for (const level of levels) {
      for (const period of [ctx.year, ctx.year + 1]) {
        lists.push({ alias: `t${lists.length}`, indicator, level, period: String(period) });
      }
    }
  }

  return lists;
}

function attainmentQuery(lists) {
  return `query DashboardTargets($within: String!) {\n${lists.map((l) => `  ${l.alias}: attainment(indicator: "${l.indicator}", period: "${l.period}", level: ${l.level}, within: $within) { ${attainmentFields} }`).join('\n')}\n}`;
}

export const targets = {
  id: 'targets',
  stacked: true,
  side: true,
  title: () => '目标完成情况与进度滞后',
  unit: (ctx) => `${ctx.year}–${ctx.year + 1}年目标`,
  async load(ctx) {
    const lists = targetLists(ctx);
    const { data, errors } = await gql(attainmentQuery(lists), { within: ctx.area.code }, { partial: true });
    return { lists: lists.map((l) => ({ ...l, rows: data?.[l.alias] ?? [] })), errors };
  },
  render(view, data, ctx) {
    const lists = data.lists.filter((l) => l.rows.length > 0);
    const names = lists.map((l) => `${ctx.nameOf(l.indicator)}（${levelNames[l.level]}，${l.period}年）`);
    const behind = lists.flatMap((l) => l.rows.filter((r) => !r.onSchedule).map((r) => ({ ...r, list: l })));
    const all = lists.reduce((n, l) => n + l.rows.length, 0);
    const met = lists.reduce((n, l) => n + l.rows.filter((r) => r.met).length, 0);
    view.kpi('kpi-behind', behind.length, '项', all > 0 ? `共 ${all} 项目标 · 已达标 ${met} 项` : '没有目标', behind.length > 0 ? 'up-bad' : '');
    const count = (test) => lists.map((l) => l.rows.filter(test).length);
    view.chart.setOption(base({
      legend: { top: 0, textStyle: { color: colors.muted } },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      grid: { left: 8, right: 16, top: 28, bottom: 2, containLabel: true },
      xAxis: axis({ type: 'value', minInterval: 1, name: '项', axisLabel: { color: colors.muted, hideOverlap: true } }),
      yAxis: axis({ type: 'category', inverse: true, data: names, axisLabel: { color: colors.muted, interval: 0, fontSize: 11 } }),
      series: [
        { name: '已达标', type: 'bar', stack: 'all', barMaxWidth: 16, itemStyle: { color: colors.good }, data: count((r) => r.met) },
        { name: '按期可达', type: 'bar', stack: 'all', barMaxWidth: 16, itemStyle: { color: colors.accent }, data: count((r) => !r.met && r.onSchedule) },
        { name: '进度滞后', type: 'bar', stack: 'all', barMaxWidth: 16, itemStyle: { color: colors.bad }, data: count((r) => !r.onSchedule), label: { show: true, position: 'right', color: colors.bad, formatter: (p) => (p.value ? `${p.value}` : '') } },
      ],
      graphic: lists.length === 0 ? [emptyGraphic(`${ctx.year}–${ctx.year + 1}年没有目标`)] : [],
    }), true);
    behind.sort((a, b) => TARGETED.indexOf(a.indicatorCode) - TARGETED.indexOf(b.indicatorCode) || (b.gap ?? 0) - (a.gap ?? 0));
    table(view.side, ['进度滞后', '指标（目标期）', '目标', '实际', '预计达标'], behind.map((r) => {
      const unit = ctx.unitOf(r.indicatorCode);
      return [r.area.name, `${ctx.nameOf(r.indicatorCode)}（${r.period.key}）`, withUnit(r.target, unit), r.actual == null ? '未报' : withUnit(r.actual, unit), r.projectedYear == null ? '达不到' : `${r.projectedYear}年`];
    }), '没有进度滞后的目标');
    view.foot(data.errors.length ? `部分目标未能读取：${data.errors.join('；')}` : '进度滞后：未达标，且按近五年趋势到目标年份仍达不到；实际值为目标期或其前最近一年');
  },
  exports: (ctx, data) => (data?.lists ?? targetLists(ctx)).filter((l) => !data || l.rows.length > 0).map((l) => ({
    name: `目标_${l.indicator}_${l.level}_${l.period}`,
    query: `query DashboardTargetsExport($within: String!) {\n  attainment(indicator: "${l.indicator}", period: "${l.period}", level: ${l.level}, within: $within) { ${attainmentFields} }\n}`,
    variables: { within: ctx.area.code },
  })),
};

const missingQuery = `query DashboardReporting($within: String!, $period: String!, $after: String) {
  observations(indicators: ["CE_OPERATING_INCOME", "ORG_PARTY_MEMBERS"], level: VILLAGE, within: $within, from: $period, to: $period, includeNonReporting: true, orderBy: [{ field: VALUE }], first: 1000, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    nodes { area { code name parent { code name } } indicatorCode period { key } value }
  }
}`;

export const missing = {
  id: 'missing',
  stacked: true,
  side: true,
  title: () => '未报送单位',
  unit: (ctx) => `${ctx.year}年 · ${REPORTS.map((c) => ctx.nameOf(c)).join('、')}`,
  load: (ctx) => allNodes(missingQuery, { within: ctx.area.code, period: String(ctx.year) }, 'observations'),
  render(view, nodes, ctx) {
    const expected = new Set(nodes.map((n) => n.area.code));
    const units = new Map();
    for (const node of nodes.filter((n) => n.value == null)) {
      const unit = units.get(node.area.code) ?? { area: node.area, indicators: [] };
      unit.indicators.push(node.indicatorCode);
      units.set(node.area.code, unit);
    }

    const missingUnits = [...units.values()].sort((a, b) => a.area.code.localeCompare(b.area.code));
    const rate = expected.size ? (100 * (expected.size - missingUnits.length)) / expected.size : null;
    view.kpi('kpi-missing', missingUnits.length, '个', expected.size ? `应报 ${expected.size} 个单位 · 全报率 ${number(rate, 1)}%` : '本年无应报单位', missingUnits.length > 0 ? 'up-bad' : '');
    const groupOf = (u) => (ctx.sub === 'VILLAGE' ? u.area : u.area.parent ?? u.area);
    const groups = [...new Map(missingUnits.map((u) => [groupOf(u).code, groupOf(u).name])).entries()];
    view.chart.setOption(base({
      legend: { show: groups.length > 0, top: 0, textStyle: { color: colors.muted } },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      grid: { left: 8, right: 16, top: 36, bottom: 2, containLabel: true },
      xAxis: axis({ show: groups.length > 0, type: 'category', data: groups.map(([, name]) => name), axisLabel: { color: colors.muted, interval: 0, rotate: groups.length > 5 ? 30 : 0 } }),
      yAxis: axis({ show: groups.length > 0, type: 'value', minInterval: 1, name: '单位数' }),
      series: REPORTS.map((code, i) => ({
        name: ctx.nameOf(code),
        type: 'bar',
        barMaxWidth: 28,
        itemStyle: { color: i === 0 ? colors.warn : colors.bad },
        data: groups.map(([group]) => missingUnits.filter((u) => groupOf(u).code === group && u.indicators.includes(code)).length),
      })),
      graphic: missingUnits.length === 0 ? [emptyGraphic(expected.size ? `${ctx.year}年应报单位全部报送` : '本年无应报单位', colors.good)] : [],
    }), true);
    table(view.side, ['未报单位', '所属', '未报指标'], missingUnits.map((u) => [u.area.name, u.area.parent?.name ?? '', u.indicators.map((c) => ctx.nameOf(c)).join('、')]), '全部报送');
    view.foot('应报单位：当年有效、按指标目录应报送该指标的村（社区）');
  },
  exports: (ctx) => [{ name: '报送情况', query: missingQuery, variables: { within: ctx.area.code, period: String(ctx.year), after: null } }],
};

export const all = [weak, distribution, ranking, coverage, trend, targets, missing];
