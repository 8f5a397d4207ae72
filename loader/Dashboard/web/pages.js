// The five pages of the dashboard: each turns its visuals' rows into cards and ECharts options and says what
// a click on a mark filters or drills into.
'use strict';

(() => {
  const { rows, num, yen, pct, el } = window.BW;
  const axisYen = { formatter: (v) => (Math.abs(v) >= 1e8 ? v / 1e8 + '億' : Math.abs(v) >= 1e4 ? v / 1e4 + '万' : v) };
  const hbarGrid = { left: 8, right: 56, top: 8, bottom: 8, containLabel: true };
  const STATUS_COLOURS = { new: '#1AAB40', continued: '#118DFF', dropped: '#D64550', achieved: '#1AAB40', on_track: '#118DFF', delayed: '#E66C37', not_started: '#D9B300', other: '#A19F9D' };
  const truncate = (s, n) => (s && s.length > n ? s.slice(0, n - 1) + '…' : s);

  /** A year clicked: narrow the range to it, or widen again when it already is the range. */
  const year = (fy) => {
    const p = window.BW.params;
    const same = p.get('fy_from') === String(fy) && p.get('fy_to') === String(fy);
    return window.BW.set({ fy_from: same ? null : fy, fy_to: same ? null : fy });
  };

  function metric(id, title, years, key, format, share) {
    const present = years.filter((y) => y[key] !== null && y[key] !== undefined && (share || y[key] > 0));
    if (!present.length) return { id, label: title, value: '–', delta: 'この選択にはデータなし', trend: 0 };
    const last = present[present.length - 1];
    const prior = years.find((y) => y.fiscal_year === last.fiscal_year - 1);
    let delta = '前年度のデータなし';
    let trend = 0;
    if (prior && prior[key] !== null && prior[key] !== undefined) {
      const d = last[key] - prior[key];
      trend = d;
      const sign = d > 0 ? '+' : d < 0 ? '−' : '±';
      delta = share
        ? `前年度比 ${sign}${(Math.abs(d) * 100).toFixed(1)} pt`
        : `前年度比 ${sign}${format(Math.abs(d))}` + (prior[key] ? `（${sign}${(Math.abs(d) / prior[key] * 100).toFixed(1)}%）` : '');
    }

    return { id, label: `${title}・${last.fiscal_year_label || last.fiscal_year + '年度'}`, value: format(last[key]), raw: last[key], delta, trend };
  }

  function overviewCards(years) {
    const span = years.length ? `${years[0].fiscal_year}–${years[years.length - 1].fiscal_year}年度` : 'データなし';
    window.BW.cards([
      metric('documents', '文書', years, 'documents', num),
      metric('municipalities', '自治体', years, 'municipalities', num),
      { id: 'years', label: '年度', value: num(years.length), raw: years.length, delta: span, trend: 0 },
      metric('initiatives', '施策', years, 'initiatives', num),
      metric('money', '金額（再掲除く）', years, 'money_yen', yen),
      metric('achieved', '計画達成率', years, 'achieved_share', pct, true),
    ]);
  }

  function yearChart(id, title, span, years) {
    window.BW.chart(id, title, span, {
      tooltip: { trigger: 'axis' },
      legend: { top: 0, left: 'center' },
      grid: { left: 48, right: 64, top: 40, bottom: 28 },
      xAxis: { type: 'category', data: years.map((y) => y.fiscal_year_label || String(y.fiscal_year)) },
      yAxis: [{ type: 'value' }, { type: 'value', axisLabel: axisYen, splitLine: { show: false } }],
      series: [
        { name: '施策数', type: 'bar', barMaxWidth: 56, data: years.map((y) => y.initiatives), label: { show: true, position: 'top' } },
        { name: '金額', type: 'line', yAxisIndex: 1, symbolSize: 8, data: years.map((y) => y.money_yen), tooltip: { valueFormatter: yen } },
      ],
    }, (p) => year(years[p.dataIndex].fiscal_year), 'クリックでその年度に絞り込み（もう一度で解除）');
  }

  function themeBars(id, title, span, themes) {
    const list = [...themes].reverse();
    window.BW.chart(id, title, span, {
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      grid: hbarGrid,
      xAxis: { type: 'value' },
      yAxis: { type: 'category', data: list.map((t) => t.theme) },
      series: [{ name: '施策数', type: 'bar', data: list.map((t) => ({ value: t.initiatives, itemStyle: selected('theme', t.theme) })), label: { show: true, position: 'right' } }],
    }, (p) => window.BW.toggle('theme', list[p.dataIndex].theme), 'クリックでテーマを絞り込み');
  }

  /** Marks outside the clicked value fade, as a cross-filtered visual does. */
  function selected(key, value) {
    const v = window.BW.params.get(key);
    return v && v !== value ? { opacity: 0.35 } : undefined;
  }

  function drill(id, steps) {
    const body = window.BW.panel(id, 'ドリルダウン', 12);
    const crumbs = el('div', { class: 'crumbs', id: 'crumbs' });
    steps.forEach((s, i) => {
      if (i) crumbs.append(el('span', { class: 'sep' }, '›'));
      crumbs.append(i === steps.length - 1 ? el('strong', {}, s.label) : el('button', { 'data-up': s.key || 'all', onclick: () => window.BW.set(s.clear) }, s.label));
    });
    if (steps.length > 1) crumbs.append(el('button', { class: 'button', id: 'drill-up', style: 'margin-left:auto', onclick: () => window.BW.set(steps[steps.length - 2].clear) }, '↑ 上の階層へ'));
    body.replaceChildren(crumbs);
  }

  window.BW_PAGES = {
    overview(data) {
      const years = rows(data.visuals.overview_years);
      const themes = rows(data.visuals.overview_themes);
      overviewCards(years);
      yearChart('years', '年度別 施策数と金額', 7, years);
      window.BW.chart('money', 'テーマ別 金額（再掲除く）', 5, {
        tooltip: { trigger: 'item', valueFormatter: yen },
        legend: { type: 'scroll', orient: 'vertical', right: 0, top: 'middle' },
        series: [{ type: 'pie', radius: ['42%', '72%'], center: ['38%', '52%'], label: { show: true, formatter: '{d}%' },
          data: themes.filter((t) => t.money_yen > 0).map((t) => ({ name: t.theme, value: t.money_yen, itemStyle: selected('theme', t.theme) })) }],
      }, (p) => window.BW.toggle('theme', p.name), 'クリックでテーマを絞り込み');
      themeBars('themes', 'テーマ別 施策数', 12, themes);
    },

    policies(data) {
      const nodes = rows(data.visuals.policy_tree);
      const p = window.BW.params;
      const steps = [{ label: 'すべてのテーマ', clear: { theme: null, pillar: null, section: null } }];
      if (p.get('theme')) steps.push({ key: 'theme', label: p.get('theme'), clear: { pillar: null, section: null } });
      if (p.get('pillar')) steps.push({ key: 'pillar', label: p.get('pillar'), clear: { section: null } });
      if (p.get('section')) steps.push({ key: 'section', label: p.get('section'), clear: {} });
      drill('drill', steps);
      const level = p.get('section') ? 'item' : p.get('pillar') ? 'section' : p.get('theme') ? 'pillar' : 'theme';
      const next = { theme: 'theme', pillar: 'pillar', section: 'section' }[level];
      const names = { theme: 'テーマ', pillar: '柱（基本方針）', section: '節', item: '施策' };
      const open = (n) => (level === 'item' ? (n.initiative_id && (location.href = '/explain/' + encodeURI(n.initiative_id))) : window.BW.set({ [next]: n.label }));
      window.BW.chart('tree', `${names[level]}別 施策数`, 7, {
        tooltip: { formatter: (i) => (i.data && i.data.index !== undefined ? `${i.name}<br>施策 ${num(i.data.initiatives)}<br>金額 ${yen(i.data.money)}` : i.name) },
        series: [{ type: 'treemap', roam: false, nodeClick: false, breadcrumb: { show: false }, width: '100%', height: '100%', top: 0, left: 0,
          label: { show: true, formatter: (i) => `${truncate(i.name, 28)}\n${num(i.data.initiatives)}件`, fontSize: 12, lineHeight: 16 },
          upperLabel: { show: false }, itemStyle: { borderColor: '#fff', borderWidth: 2, gapWidth: 2 },
          data: nodes.map((n, i) => ({ name: n.label, value: level === 'item' ? 1 : Math.max(n.initiatives, 0.5), initiatives: n.initiatives, money: n.money_yen, index: i })) }],
      }, (i) => i.data && i.data.index !== undefined && open(nodes[i.data.index]), level === 'item' ? 'クリックで出典（bw explain）へ' : 'クリックで下の階層へ', true);
      const top = nodes.slice(0, 15).reverse();
      window.BW.chart('bars', `${names[level]}別 金額`, 5, {
        tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: yen },
        grid: hbarGrid,
        xAxis: { type: 'value', axisLabel: axisYen },
        yAxis: { type: 'category', data: top.map((n) => truncate(n.label, 18)) },
        series: [{ name: '金額', type: 'bar', data: top.map((n) => n.money_yen), itemStyle: { color: '#12239E' } }],
      }, (i) => open(top[i.dataIndex]), '上位 15 件', true);
      yearChart('years', '年度別', 12, rows(data.visuals.overview_years));
    },

    yoy(data) {
      const result = data.visuals.yoy_status;
      const status = rows(result);
      if (result.missing.length) {
        window.BW.panel('missing', '前年度比較', 12).replaceChildren(el('div', { class: 'empty' }, `このスナップショットには ${result.missing.join(', ')} がありません（年度間の系譜が必要です）`));
      }

      const total = (s) => status.filter((r) => r.grouping === 'theme' && r.status === s).reduce((a, r) => a + r.initiatives, 0);
      window.BW.cards(['new', 'continued', 'dropped'].map((s) => ({ id: s, label: window.BW.STATUS[s], value: num(total(s)), raw: total(s), delta: '前年度との比較（系譜）', trend: 0 })));
      const stacked = (id, title, span, grouping, key) => {
        const list = status.filter((r) => r.grouping === grouping);
        const labels = [...new Set(list.map((r) => r.label))];
        window.BW.chart(id, title, span, {
          tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
          legend: { top: 0, right: 0 },
          grid: { left: 8, right: 16, top: 30, bottom: 8, containLabel: true },
          xAxis: { type: 'value' },
          yAxis: { type: 'category', data: labels },
          series: ['new', 'continued', 'dropped'].map((s) => ({ name: window.BW.STATUS[s], code: s, type: 'bar', stack: 'all', barMaxWidth: 40, itemStyle: { color: STATUS_COLOURS[s] }, label: { show: true, formatter: (p) => p.value || '' },
            data: labels.map((l) => list.filter((r) => r.label === l && r.status === s).reduce((a, r) => a + r.initiatives, 0)) })),
        }, (p) => window.BW.set({ [key]: labels[p.dataIndex], status: ['new', 'continued', 'dropped'][p.seriesIndex] }), 'クリックで絞り込み（行は状態でも絞り込み）');
      };
      stacked('themes', 'テーマ別 新規・継続・終了', 7, 'theme', 'theme');
      stacked('municipalities', '自治体別 新規・継続・終了', 5, 'municipality', 'municipality');
      const money = rows(data.visuals.money_years);
      const years = [...new Set(money.map((m) => m.fiscal_year))].sort();
      const themes = [...new Set(money.map((m) => m.theme))];
      window.BW.chart('money', '年度別 金額（テーマ別、再掲除く）', 12, {
        tooltip: { trigger: 'axis', valueFormatter: yen },
        legend: { type: 'scroll', top: 0 },
        grid: { left: 64, right: 16, top: 36, bottom: 28 },
        xAxis: { type: 'category', data: years.map((y) => y + '年度') },
        yAxis: { type: 'value', axisLabel: axisYen },
        series: themes.map((t) => ({ name: t, type: 'bar', stack: 'money', barMaxWidth: 64, data: years.map((y) => (money.find((m) => m.fiscal_year === y && m.theme === t) || {}).money_yen || 0) })),
      }, (p) => window.BW.toggle('theme', p.seriesName), 'クリックでテーマを絞り込み');
    },

    departments(data) {
      const list = rows(data.visuals.departments);
      const bureau = window.BW.params.get('bureau');
      drill('drill', bureau ? [{ label: 'すべての局', clear: { bureau: null } }, { key: 'bureau', label: bureau, clear: {} }] : [{ label: 'すべての局', clear: { bureau: null } }]);
      const top = list.slice(0, 20).reverse();
      const click = (p) => (bureau ? window.BW.toggle('department', top[p.dataIndex].label) : window.BW.set({ bureau: top[p.dataIndex].label }));
      window.BW.chart('initiatives', bureau ? `${bureau} の部署別 施策数` : '局別 施策数', 6, {
        tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
        grid: hbarGrid,
        xAxis: { type: 'value' },
        yAxis: { type: 'category', data: top.map((d) => truncate(d.label, 16)) },
        series: [{ name: '施策数', type: 'bar', data: top.map((d) => ({ value: d.initiatives, itemStyle: selected('department', d.label) })), label: { show: true, position: 'right' } }],
      }, click, bureau ? 'クリックで部署を絞り込み' : 'クリックで局の中へ（ドリルダウン）', true);
      window.BW.chart('money', bureau ? `${bureau} の部署別 金額` : '局別 金額', 6, {
        tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: yen },
        grid: hbarGrid,
        xAxis: { type: 'value', axisLabel: axisYen },
        yAxis: { type: 'category', data: top.map((d) => truncate(d.label, 16)) },
        series: [{ name: '金額', type: 'bar', data: top.map((d) => d.money_yen), itemStyle: { color: '#E66C37' } }],
      }, click, '上位 20 件', true);
      const versions = rows(data.visuals.department_versions);
      const body = window.BW.panel('versions', '部署の版（SCD2：年度ごとに有効な名称・所属）', 12);
      body.replaceChildren(el('div', { class: 'table-wrap', style: 'max-height:260px' }, el('table', { class: 'mini', id: 'versions' },
        el('thead', {}, el('tr', {}, ['部署', '局', '有効（から）', '有効（まで）', '現行', '施策', '金額', '年度'].map((h) => el('th', {}, h)))),
        el('tbody', {}, versions.map((v) => el('tr', {},
          el('td', {}, v.department), el('td', {}, v.bureau), el('td', { class: 'num' }, v.valid_from_fy ?? '—'), el('td', { class: 'num' }, v.valid_to_fy ?? '—'),
          el('td', {}, v.is_current ? el('span', { class: 'tag ok' }, '現行') : el('span', { class: 'tag bad' }, '旧')),
          el('td', { class: 'num' }, num(v.initiatives)), el('td', { class: 'num' }, yen(v.money_yen)),
          el('td', { class: 'num' }, v.first_fiscal_year === v.last_fiscal_year ? v.first_fiscal_year : `${v.first_fiscal_year}–${v.last_fiscal_year}`)))))));
    },

    plan(data) {
      const docs = rows(data.visuals.plan_achievement);
      const status = rows(data.visuals.plan_status);
      const planned = docs.reduce((a, d) => a + d.items_planned, 0);
      const achieved = docs.reduce((a, d) => a + d.items_achieved, 0);
      const inconsistent = docs.reduce((a, d) => a + d.inconsistent_rows, 0);
      window.BW.cards([
        { id: 'achieved', label: '達成率（再計算）', value: pct(planned ? achieved / planned : null), raw: planned ? achieved / planned : '', delta: `${num(achieved)} / ${num(planned)} 項目`, trend: 0 },
        { id: 'planned', label: '計画項目', value: num(planned), raw: planned, delta: `${docs.length} 文書・年度`, trend: 0 },
        { id: 'inconsistent', label: '不整合（記載と再計算の差）', value: num(inconsistent), raw: inconsistent, delta: inconsistent ? 'クリックで該当行' : '記載の達成率はすべて一致', trend: -inconsistent },
      ]);
      const card = document.querySelector('[data-card="inconsistent"]');
      if (inconsistent) { card.style.cursor = 'pointer'; card.onclick = () => window.BW.toggle('status', 'inconsistent'); }
      const labels = docs.map((d) => `${truncate(d.file_name, 20)}\n${d.fiscal_year}年度`);
      window.BW.chart('achievement', '文書・年度別 達成率', 7, {
        tooltip: { trigger: 'axis', valueFormatter: (v) => (v === null || v === undefined ? '–' : v.toFixed(1) + '%') },
        legend: { top: 0, right: 0 },
        grid: { left: 48, right: 16, top: 34, bottom: 44 },
        xAxis: { type: 'category', data: labels, axisLabel: { interval: 0, fontSize: 11 } },
        yAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
        series: [
          { name: '達成率（再計算）', type: 'bar', barMaxWidth: 64, data: docs.map((d) => (d.achieved_share === null ? null : +(d.achieved_share * 100).toFixed(1))), label: { show: true, position: 'top', formatter: (p) => p.value + '%' } },
          { name: '記載の達成率', type: 'scatter', symbol: 'diamond', symbolSize: 14, itemStyle: { color: '#E66C37' }, data: docs.map((d) => d.stated_total_rate) },
        ],
      }, (p) => year(docs[p.dataIndex].fiscal_year), 'クリックでその年度に絞り込み');
      const years = [...new Set(status.map((s) => s.fiscal_year))].sort();
      const classes = [...new Set(status.map((s) => s.status_class))];
      window.BW.chart('status', '状態区分別 項目数', 5, {
        tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
        legend: { top: 0, right: 0 },
        grid: { left: 40, right: 16, top: 34, bottom: 28 },
        xAxis: { type: 'category', data: years.map((y) => y + '年度') },
        yAxis: { type: 'value' },
        series: classes.map((c) => ({ name: window.BW.STATUS[c] || c, code: c, type: 'bar', stack: 'status', barMaxWidth: 64, itemStyle: { color: STATUS_COLOURS[c] || '#A19F9D' },
          data: years.map((y) => (status.find((s) => s.fiscal_year === y && s.status_class === c) || {}).items || 0) })),
      }, (p) => window.BW.toggle('status', classes[p.seriesIndex]), 'クリックで状態の行に絞り込み');
    },
  };
})();
