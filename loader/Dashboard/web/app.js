// BudgetWarehouse dashboard: the selection lives in the URL; every change fetches /api/<page> and redraws.
// Visuals are ECharts instances; clicking a mark sets a filter (cross-filter) or drills down.
'use strict';

window.BW = (() => {
  const page = document.body.dataset.page;
  const params = new URLSearchParams(location.search);
  const charts = {};
  const paints = [];
  let renders = 0;

  const SLICERS = [['municipality', '自治体'], ['fy_from', '年度（から）'], ['fy_to', '年度（まで）'], ['theme', 'テーマ'], ['department', '部署'], ['function', '款'], ['family', '文書種別']];
  const CLICKS = { bureau: '局', pillar: '柱', section: '節', status: '状態' };
  const FAMILY = { budget_priorities: '予算の重点', plan_progress: '計画進捗' };
  const STATUS = { new: '新規', continued: '継続', dropped: '終了', achieved: '達成', on_track: '順調', delayed: '遅れ', not_started: '未着手', other: 'その他', inconsistent: '不整合' };
  const HEADERS = {
    initiative_id: '出典', achievement_id: '出典', fiscal_year: '年度', prior_fiscal_year: '前年度', municipality: '自治体', theme: 'テーマ',
    pillar_title: '柱', section_title: '節', department: '部署', bureau: '局', function_name: '款', text: '施策', prior_text: '前年度の施策', action: '動詞',
    is_new_program: '新規事業', is_relisted: '再掲', money_yen: '金額（円）', source: 'ソース', status: '状態', similarity: '類似度',
    label: '基本方針', items_planned: '計画', items_achieved: '達成', items_pending: '未確定', achievement_rate: '達成率（再計算）',
    stated_rate: '達成率（記載）', is_inconsistent: '不整合',
  };
  const PALETTE = ['#118DFF', '#12239E', '#E66C37', '#6B007B', '#E044A7', '#744EC2', '#D9B300', '#D64550', '#197278', '#1AAB40', '#15C6F4', '#4092FF'];

  const el = (tag, attrs = {}, ...children) => {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs)) {
      if (k === 'class') e.className = v; else if (k.startsWith('on')) e.addEventListener(k.slice(2), v); else if (v !== null && v !== undefined) e.setAttribute(k, v);
    }
    for (const c of children.flat()) if (c !== null && c !== undefined) e.append(c);
    return e;
  };

  const query = () => {
    const q = new URLSearchParams();
    for (const [k, v] of params) if (v !== '') q.set(k, v);
    return q.toString();
  };

  const rows = (result) => (result && result.rows ? result.rows.map((r) => Object.fromEntries(result.columns.map((c, i) => [c, r[i]]))) : []);
  const num = (n) => (n === null || n === undefined ? '–' : Number(n).toLocaleString('ja-JP'));
  const yen = (n) => {
    if (n === null || n === undefined) return '–';
    const a = Math.abs(n);
    if (a >= 1e12) return (n / 1e12).toLocaleString('ja-JP', { maximumFractionDigits: 2 }) + '兆円';
    if (a >= 1e8) return (n / 1e8).toLocaleString('ja-JP', { maximumFractionDigits: 1 }) + '億円';
    if (a >= 1e4) return (n / 1e4).toLocaleString('ja-JP', { maximumFractionDigits: 0 }) + '万円';
    return n.toLocaleString('ja-JP') + '円';
  };
  const pct = (x) => (x === null || x === undefined ? '–' : (x * 100).toLocaleString('ja-JP', { maximumFractionDigits: 1 }) + '%');
  const label = (k, v) => (k === 'family' ? FAMILY[v] || v : k === 'status' ? STATUS[v] || v : v);

  function set(changes) {
    for (const [k, v] of Object.entries(changes)) {
      if (v === null || v === undefined || v === '') params.delete(k); else params.set(k, String(v));
    }
    const q = query();
    history.replaceState(null, '', location.pathname + (q ? '?' + q : ''));
    return load();
  }

  /** A click on a mark: set the filter, or clear it when the same mark is clicked again (as in BI tools). */
  function toggle(key, value) {
    return set({ [key]: params.get(key) === String(value) ? null : value });
  }

  function slicers(choices) {
    const bar = document.getElementById('slicers');
    bar.replaceChildren();
    for (const [key, title] of SLICERS) {
      const source = key.startsWith('fy_') ? 'fiscal_year' : key;
      const values = choices[source] || [];
      const select = el('select', { id: 'slicer-' + key, 'data-slicer': key, onchange: (e) => set({ [key]: e.target.value }) },
        el('option', { value: '' }, key.startsWith('fy_') ? '—' : 'すべて'),
        values.map((v) => el('option', { value: v }, key.startsWith('fy_') ? v + '年度' : label(key, v))));
      select.value = params.get(key) || '';
      if (params.get(key)) select.classList.add('set');
      bar.append(el('div', { class: 'slicer' }, el('label', { for: 'slicer-' + key }, title), select));
    }

    bar.append(el('button', { class: 'button reset', id: 'reset', onclick: () => set(Object.fromEntries([...params.keys()].map((k) => [k, null]))) }, 'フィルターをクリア'));
  }

  function chips() {
    const box = document.getElementById('chips');
    box.replaceChildren();
    for (const [key, title] of Object.entries(CLICKS)) {
      const v = params.get(key);
      if (v) box.append(el('span', { class: 'chip', 'data-chip': key }, `${title}: ${label(key, v)}`, el('button', { title: '解除', onclick: () => set({ [key]: null }) }, '×')));
    }
  }

  function table(result, truncated, limit) {
    const t = document.getElementById('rows');
    const data = rows(result);
    document.getElementById('rowcount').textContent = result.missing.length
      ? `このスナップショットには ${result.missing.join(', ')} がありません`
      : truncated ? `先頭 ${limit} 行を表示（CSV はすべての行）` : `${data.length} 行`;
    const columns = result.columns;
    t.replaceChildren(el('thead', {}, el('tr', {}, columns.map((c) => el('th', { 'data-col': c }, HEADERS[c] || c)))));
    const body = el('tbody');
    for (const r of data) {
      const tr = el('tr', { class: r.is_inconsistent ? 'flag' : null });
      for (const c of columns) {
        const v = r[c];
        const raw = v === null || v === undefined ? '' : typeof v === 'boolean' ? String(v) : String(v);
        let cell;
        if (c === columns[0] && /_id$/.test(c) && v) cell = el('td', { 'data-v': raw }, el('a', { href: '/explain/' + encodeURI(v), class: 'explain-link', title: v }, 'explain'));
        else if (c === 'money_yen') cell = el('td', { class: 'num', 'data-v': raw }, v === null ? '' : num(v));
        else if (typeof v === 'number') cell = el('td', { class: 'num', 'data-v': raw }, /fiscal_year$|_fy$/.test(c) ? raw : num(v));
        else if (typeof v === 'boolean') cell = el('td', { 'data-v': raw }, c === 'is_inconsistent' && v ? el('span', { class: 'tag bad' }, '不整合') : v ? '✓' : '');
        else if (c === 'source') cell = el('td', { class: 'src', 'data-v': raw }, raw);
        else if (c === 'text' || c === 'prior_text') cell = el('td', { class: 'text', 'data-v': raw }, raw);
        else if (c === 'pillar_title' || c === 'section_title' || c === 'label') cell = el('td', { class: 'path', 'data-v': raw }, raw);
        else cell = el('td', { 'data-v': raw, class: 'short' }, label(c, raw));
        tr.append(cell);
      }

      body.append(tr);
    }

    t.append(body);
    document.getElementById('export').href = `/export/${page}.csv` + (query() ? '?' + query() : '');
  }

  /** A white panel on the canvas; created once, reused on every redraw. */
  function panel(id, title, span, hint) {
    let p = document.getElementById('panel-' + id);
    if (!p) {
      p = el('section', { class: `panel span-${span}`, id: 'panel-' + id }, el('h2', {}, title), hint ? el('div', { class: 'hint' }, hint) : null, el('div', { class: 'body' }));
      document.getElementById('visuals').append(p);
    }

    return p.querySelector('.body');
  }

  /** An ECharts visual in a panel; <onClick> receives the clicked mark's parameters. */
  function chart(id, title, span, option, onClick, hint, tall) {
    const body = panel(id, title, span, hint);
    let c = charts[id];
    if (!c) {
      const div = el('div', { class: 'chart' + (tall ? ' tall' : ''), id: 'chart-' + id });
      body.append(div);
      c = charts[id] = echarts.init(div, null, { renderer: 'svg' });
      window.addEventListener('resize', () => c.resize());
    }

    // Wait for this draw to reach the screen before the page says it is ready.
    paints.push(new Promise((resolve) => {
      const done = () => { c.off('finished', done); resolve(); };
      c.on('finished', done);
    }));
    const empty = (option.series || []).every((s) => !s.data || s.data.every((d) => d === null || d === 0 || (d && typeof d === 'object' && !d.value)));
    const note = empty ? { graphic: { type: 'text', left: 'center', top: 'middle', style: { text: 'この選択にはデータがありません', fill: '#605e5c', fontSize: 13 } } } : {};
    c.setOption(Object.assign({ color: PALETTE, textStyle: { fontFamily: getComputedStyle(document.documentElement).fontFamily }, animation: false }, option, note), true);
    c.off('click');
    if (onClick) c.on('click', onClick);
    return c;
  }

  function cards(list) {
    let box = document.getElementById('cards');
    if (!box) {
      box = el('section', { class: 'cards', id: 'cards' });
      document.getElementById('visuals').prepend(box);
    }

    box.replaceChildren(...list.map((c) => el('div', { class: 'card', 'data-card': c.id },
      el('div', { class: 'label' }, c.label),
      el('div', { class: 'value', 'data-value': c.raw ?? '' }, c.value),
      el('div', { class: 'delta' + (c.trend > 0 ? ' up' : c.trend < 0 ? ' down' : '') }, c.delta))));
  }

  async function load() {
    document.body.dataset.state = 'loading';
    try {
      const q = query();
      const response = await fetch(`/api/${page}` + (q ? '?' + q : ''));
      if (!response.ok) throw new Error(await response.text());
      const data = await response.json();
      document.getElementById('snapshot').textContent = 'snapshot ' + data.snapshot;
      slicers(data.slicers);
      chips();
      for (const a of document.querySelectorAll('[data-nav]')) a.href = a.getAttribute('href').split('?')[0] + (q ? '?' + q : '');
      window.BW_PAGES[page](data);
      table(data.rows, data.truncated, data.limit);
      document.body.dataset.snapshot = data.snapshot;
      // ECharts paints on later animation frames: 'ready' once every chart has finished drawing (or after 2 s at
      // most, should one never report) and a frame has passed, so that its marks are on screen and clickable.
      await Promise.race([Promise.all(paints.splice(0)), new Promise((resolve) => setTimeout(resolve, 2000))]);
      await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
      document.body.dataset.state = 'ready';
    } catch (e) {
      document.body.dataset.state = 'error';
      document.getElementById('visuals').replaceChildren(el('section', { class: 'panel error span-12', id: 'load-error' }, String(e.message || e)));
    }

    document.body.dataset.renders = String(++renders);
  }

  return { page, params, charts, rows, num, yen, pct, label, set, toggle, panel, chart, cards, el, load, STATUS, FAMILY };
})();

document.addEventListener('DOMContentLoaded', () => window.BW.load());
