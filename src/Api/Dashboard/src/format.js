// Numbers in Chinese conventions, in the unit the indicator catalogue gives (万元, %, 个, 人 ...).

export function number(value, digits) {
  if (value == null || Number.isNaN(value)) {
    return '—';
  }

  return value.toLocaleString('zh-CN', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

/** Decimals for a unit: money to the hundredth of 万元 (100 元), percentages to a tenth, counts whole. */
export function digitsOf(unit, value) {
  if (unit === '万元') {
    return 2;
  }

  if (unit === '%') {
    return 1;
  }

  return Number.isInteger(value) ? 0 : 2;
}

export function withUnit(value, unit) {
  if (value == null) {
    return '—';
  }

  const text = number(value, digitsOf(unit, value));
  return unit === '%' ? `${text}%` : `${text} ${unit}`;
}

/** A change with its sign (+3, -1.5, 0); percentage points for a %. */
export function signed(value, unit) {
  if (value == null) {
    return '—';
  }

  const text = number(Math.abs(value), digitsOf(unit, value));
  const sign = value > 0 ? '+' : value < 0 ? '−' : '±';
  return `${sign}${text}${unit === '%' ? ' 个百分点' : ` ${unit}`}`;
}

/** A fraction as a percentage with its sign (0.176 -> +17.6%). */
export function growth(value) {
  if (value == null) {
    return '—';
  }

  const sign = value > 0 ? '+' : value < 0 ? '−' : '';
  return `${sign}${number(Math.abs(value) * 100, 1)}%`;
}

export function escapeHtml(text) {
  return String(text ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
}

/** A band of the distribution in words: 无收入, <5, 5–10, ≥100 (the unit goes on the axis). */
export function bandLabel(band) {
  if (band.lower === 0 && band.upper === 0) {
    return '无收入';
  }

  if (band.lower == null) {
    return `<${number(band.upper, 0)}`;
  }

  if (band.upper == null) {
    return `≥${number(band.lower, 0)}`;
  }

  return `${number(band.lower, 0)}–${number(band.upper, 0)}`;
}

export const levelNames = { PROVINCE: '省', PREFECTURE: '市', COUNTY: '县', TOWNSHIP: '乡镇', VILLAGE: '村（社区）' };

const quarterNames = ['一季度', '二季度', '三季度', '四季度'];

export function quarterName(key) {
  return quarterNames[Number(key.slice(-1)) - 1] ?? key;
}
