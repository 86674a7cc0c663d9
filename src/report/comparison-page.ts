/**
 * The comparison as one self-contained, printable HTML page: tables plus three charts — the ranking,
 * the categories side by side, the clause heat map — drawn by ECharts' server-side SVG renderer, so
 * the page holds plain inline SVG: no script, no font or image to fetch, and a Content-Security-Policy
 * that forbids any request. Runs in Node (the CLI) and in the browser (the playground) alike.
 */
import * as echarts from 'echarts';
import { toNumber } from '../engine/decimal';
import type { Comparison } from '../engine/compare/compare';
import { stampWord } from '../engine/compare/summary-spec';

const FONT = '"Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC", "WenQuanYi Micro Hei", SimSun, sans-serif';
const WIDTH = 960;

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** One chart as an SVG string; the chart is disposed at once (nothing stays in memory or on a timer). */
export function renderChart(option: echarts.EChartsOption, height: number): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: WIDTH, height });
  try {
    chart.setOption({ animation: false, textStyle: { fontFamily: FONT }, ...option });
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}

function rankingChart(c: Comparison): string {
  const entries = [...c.entries].reverse();
  return renderChart(
    {
      title: { text: '最终得分排名', left: 'center' },
      grid: { left: 160, right: 60, top: 40, bottom: 30 },
      xAxis: { type: 'value', min: 0, max: 105 },
      yAxis: { type: 'category', data: entries.map((e) => `${e.rank}. ${e.label}`) },
      series: [
        {
          type: 'bar',
          data: entries.map((e) => ({ value: toNumber(e.final.total), itemStyle: { color: e.final.veto ? '#C00000' : e.review ? '#2F5597' : '#8FAADC' } })),
          label: { show: true, position: 'right', formatter: '{c}' },
        },
      ],
    },
    Math.max(160, 60 + entries.length * 28),
  );
}

function categoryChart(c: Comparison): string {
  const base = c.entries[0]?.categories.filter((x) => x.kind === 'base') ?? [];
  return renderChart(
    {
      title: { text: '各类指标得分率（得分 ÷ 分值）', left: 'center' },
      legend: { top: 28, type: 'plain' },
      grid: { left: 60, right: 20, top: 90, bottom: 40 },
      xAxis: { type: 'category', data: base.map((x) => x.name) },
      yAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
      series: c.entries.map((e) => ({
        type: 'bar' as const,
        name: e.label,
        data: e.categories.filter((x) => x.kind === 'base').map((x) => Math.round((toNumber(x.score) / toNumber(x.cap)) * 1000) / 10),
      })),
    },
    420,
  );
}

function heatMap(c: Comparison): string {
  const clauses = c.clauses;
  const labels = c.entries.map((e) => e.label);
  const data: [number, number, number][] = [];
  clauses.forEach((row, y) => labels.forEach((l, x) => data.push([x, y, toNumber(row.lost.get(l) ?? row.max)])));
  const max = Math.max(0.5, ...data.map((d) => d[2]));
  return renderChart(
    {
      title: { text: '条款失分热力图（颜色越深失分越多）', left: 'center' },
      grid: { left: 70, right: 90, top: 40, bottom: 90 },
      xAxis: { type: 'category', data: labels, axisLabel: { rotate: 30 }, splitArea: { show: true } },
      yAxis: { type: 'category', data: clauses.map((r) => r.id), inverse: true },
      visualMap: { min: 0, max, calculable: false, orient: 'vertical', right: 10, top: 'middle', inRange: { color: ['#FFFFFF', '#FFEB84', '#F8696B'] } },
      series: [{ type: 'heatmap', data, label: { show: false } }],
    },
    Math.max(300, 140 + clauses.length * 14),
  );
}

const cell = (v: string | number | null | undefined) => `<td>${v === null || v === undefined ? '' : escapeHtml(String(v))}</td>`;

export function comparisonPage(c: Comparison, now: Date): string {
  const base = c.entries[0]?.categories.filter((x) => x.kind === 'base') ?? [];
  const ranking = c.entries
    .map(
      (e) =>
        `<tr${e.final.veto ? ' class="veto"' : ''}>${[
          cell(e.rank),
          cell(e.label + (e.duplicate ? '（名称重复）' : '')),
          cell(toNumber(e.self.total)),
          cell(e.self.grade),
          cell(e.review ? toNumber(e.review.total) : e.reviewStatus === 'not-reviewed' ? '未复核' : ''),
          cell(e.review?.grade ?? ''),
          cell(toNumber(e.final.total)),
          cell(e.final.grade),
          ...e.categories.filter((x) => x.kind === 'base').map((x) => cell(toNumber(x.score))),
          cell(toNumber(e.bonus)),
          cell(toNumber(e.penalty)),
          cell(e.final.veto ? '是' : '否'),
          cell(e.errors),
          cell(e.warnings),
          cell(stampWord(e.stamp)),
        ].join('')}</tr>`,
    )
    .join('\n');
  const differences = c.entries.flatMap((e) =>
    e.differences.map((d) => `<tr>${[cell(e.label), cell(d.clauseIds.join('、')), cell(d.cell), cell(d.self), cell(d.review), cell(d.note)].join('')}</tr>`),
  );
  const weakest = [...c.clauses].filter((r) => r.total.gt(0)).sort((a, b) => b.total.cmp(a.total)).slice(0, 10);
  const problems = [
    ...c.unreadable.map((u) => `<li>无法读取 ${escapeHtml(u.file)}${u.sheet ? `（${escapeHtml(u.sheet)}）` : ''}：${escapeHtml(u.error.split('\n')[0])}</li>`),
    ...c.duplicates.map((d) => `<li>名称重复：${escapeHtml(d.name)} 出现在 ${d.files.map(escapeHtml).join('、')}</li>`),
  ];
  return `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>社会救助绩效评价街镇汇总</title>
<style>
body { font-family: ${FONT}; margin: 24px; color: #222; }
h1 { font-size: 20px; } h2 { font-size: 16px; margin-top: 28px; }
table { border-collapse: collapse; font-size: 12px; margin: 8px 0; }
th, td { border: 1px solid #999; padding: 3px 6px; text-align: center; }
th { background: #D9E1F2; }
tr.veto td { color: #C00000; }
.chart { page-break-inside: avoid; break-inside: avoid; margin: 12px 0; }
.meta { color: #555; font-size: 12px; }
@media print { body { margin: 0; } h2 { page-break-after: avoid; } .page { page-break-before: always; } }
</style>
</head>
<body>
<h1>社会救助绩效评价街镇汇总</h1>
<p class="meta">评分标准 ${escapeHtml(c.rubricId)} · ${c.entries.length} 个街镇 · 生成于 ${escapeHtml(now.toISOString().slice(0, 16).replace('T', ' '))} UTC · 最终得分为复核总分，未复核的取自评总分；同分同名次。</p>
${problems.length > 0 ? `<ul class="problems">${problems.join('')}</ul>` : ''}
<h2>排名</h2>
<table id="ranking">
<thead><tr><th>排名</th><th>街镇</th><th>自评总分</th><th>自评等第</th><th>复核总分</th><th>复核等第</th><th>最终得分</th><th>最终等第</th>${base
    .map((x) => `<th>${escapeHtml(x.name)}（${toNumber(x.cap)}）</th>`)
    .join('')}<th>加分</th><th>扣分</th><th>一票否决</th><th>错误</th><th>警告</th><th>校验印记</th></tr></thead>
<tbody>
${ranking}
</tbody>
</table>
<p>等第分布：${c.grades.map((g) => `${escapeHtml(g.grade)} ${g.count}`).join('，')}</p>
<div class="chart" id="chart-ranking">${rankingChart(c)}</div>
<div class="chart page" id="chart-categories">${categoryChart(c)}</div>
<h2 class="page">失分最多的条款</h2>
<table id="weak-clauses"><thead><tr><th>条款</th><th>评价内容</th><th>全区合计失分</th></tr></thead><tbody>
${weakest.map((r) => `<tr>${cell(r.id)}${cell(`${r.item} 第 ${r.number} 条`)}${cell(toNumber(r.total))}</tr>`).join('\n')}
</tbody></table>
<div class="chart" id="chart-heatmap">${heatMap(c)}</div>
<h2 class="page">复核差异</h2>
${differences.length > 0 ? `<table id="differences"><thead><tr><th>街镇</th><th>条款</th><th>单元格</th><th>自评得分</th><th>复核得分</th><th>复核意见</th></tr></thead><tbody>\n${differences.join('\n')}\n</tbody></table>` : '<p>没有复核得分与自评得分不同的条款。</p>'}
</body>
</html>
`;
}
