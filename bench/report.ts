// The table on stdout (Markdown, so README can quote it as printed), with a verdict per target.
import type { CaseResult, ToolResult } from './cases/caseRunner';
import { extensionReport } from './cases/extensionReport';
import type { BenchResults } from './run';
import type { Spread } from './summary';
import { atLeastRatio, atMost, TARGETS } from './targets';
import type { Verdict } from './targets';

const mb = (bytes: number) => `${(bytes / 1e6).toFixed(0)} MB`;
const seconds = (ms: number) => (ms >= 10_000 ? (ms / 1000).toFixed(1) : (ms / 1000).toFixed(2));
const range = (s: Spread, format: (n: number) => string) => `${format(s.median)} (${format(s.min)}–${format(s.max)})`;
const ratio = (s: Spread) => `${s.median.toFixed(2)}× (${s.min.toFixed(2)}–${s.max.toFixed(2)})`;

function table(header: string[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

function toolCell(tool: ToolResult | undefined): string {
  if (!tool) {
    return '—';
  }
  const speed = tool.throughputMBps === undefined ? '' : `, ${tool.throughputMBps.toFixed(0)} MB/s`;
  return `${range(tool.wallMs, seconds)} s${speed}, CPU ${seconds(tool.cpuMs.median)} s`;
}

function requestsCell(tool: ToolResult | undefined): string {
  const r = tool?.requests;
  return r ? `${r.total} (A ${r.classA}, B ${r.classB})` : '—';
}

function verdictFor(c: CaseResult, ours: ToolResult): Verdict | undefined {
  if (c.id.startsWith('list-') && c.ratios.aws) {
    return atLeastRatio(c.ratios.aws.median, TARGETS.listRatioVsAws);
  }
  if (!c.vsFaster) {
    return undefined;
  }
  const speed = atLeastRatio(c.vsFaster.ratio.median, TARGETS.transferRatio);
  if (c.id.startsWith('folder')) {
    return speed;
  }
  const memory = atMost(ours.peakRssBytes.max, TARGETS.transferPeakRssBytes, mb);
  return { met: speed.met && memory.met, text: `speed ${speed.text}; RSS ${memory.text}` };
}

export function transferTable(cases: readonly CaseResult[]): string {
  const rows = cases.map((c) => {
    const tool = (name: string) => c.tools.find((t) => t.tool === name);
    const ours = tool('ours')!;
    const versus = c.vsFaster ? `${ratio(c.vsFaster.ratio)} vs ${c.vsFaster.peer}` : '—';
    const verdict = verdictFor(c, ours);
    return [
      c.title,
      toolCell(ours),
      toolCell(tool('aws')),
      toolCell(tool('rclone')),
      versus,
      range(ours.peakRssBytes, mb),
      requestsCell(ours),
      requestsCell(tool('aws')),
      requestsCell(tool('rclone')),
      verdict?.text ?? 'ours only (memory check)',
    ];
  });
  return table(
    [
      'case',
      'ours',
      'aws',
      'rclone',
      'ours vs faster peer',
      'ours peak RSS',
      'requests ours',
      'requests aws',
      'requests rclone',
      'target',
    ],
    rows,
  );
}

/** Variants of ours run only to explain a result (e.g. what the flush to disk costs). */
export function diagnosticsTable(cases: readonly CaseResult[]): string | undefined {
  const rows = cases.flatMap((c) =>
    Object.entries(c.diagnostics ?? {}).map(([tool, ratio]) => {
      const result = c.tools.find((t) => t.tool === tool)!;
      return [
        c.title,
        tool,
        toolCell(result),
        `${ratio.median.toFixed(2)}× (${ratio.min.toFixed(2)}–${ratio.max.toFixed(2)}) vs ${c.vsFaster?.peer ?? ''}`,
        range(result.peakRssBytes, mb),
      ];
    }),
  );
  return rows.length === 0
    ? undefined
    : table(['case', 'diagnostic variant', 'time', 'vs faster peer', 'peak RSS'], rows);
}

/** Peak RSS of the large case against the small one: flat means it does not grow with size. */
export function flatnessTable(cases: readonly CaseResult[]): string {
  const pairs: Array<[string, string, string]> = [];
  const ids = cases.map((c) => c.id);
  for (const kind of ['upload', 'download', 'list']) {
    const sized = ids.filter((id) => id.startsWith(`${kind}-`));
    if (sized.length === 2) {
      const [a, b] = sized.sort((x, y) => Number(x.split('-')[1]) - Number(y.split('-')[1]));
      pairs.push([kind, a, b]);
    }
  }
  const signed = (bytes: number) => `${bytes >= 0 ? '+' : ''}${(bytes / 1e6).toFixed(1)} MB`;
  const rows = pairs.map(([kind, small, large]) => {
    const ours = (id: string) => cases.find((c) => c.id === id)!.tools.find((t) => t.tool === 'ours')!;
    const peak = (id: string) => ours(id).peakRssBytes.max;
    const retained = (id: string) => ours(id).retainedHeapBytes?.max ?? 0;
    const growth = peak(large) - peak(small);
    const retainedGrowth = retained(large) - retained(small);
    const label = (id: string) => cases.find((c) => c.id === id)!.title.replace(/^(upload|download|list) /, '');
    const verdict =
      growth <= TARGETS.flatRssSlackBytes
        ? 'flat'
        : retainedGrowth <= TARGETS.flatRssSlackBytes
          ? `peak grows ${signed(growth)} (more than ${mb(TARGETS.flatRssSlackBytes)}), retained heap does not: garbage collected later, not held`
          : `GROWS: ${signed(retainedGrowth)} retained`;
    return [
      kind,
      `${label(small)}: ${mb(peak(small))}`,
      `${label(large)}: ${mb(peak(large))}`,
      signed(growth),
      signed(retainedGrowth),
      verdict,
    ];
  });
  return table(
    [
      'ours',
      'smaller case, max peak RSS',
      'larger case, max peak RSS',
      'peak growth',
      'retained heap growth (after GC)',
      'verdict',
    ],
    rows,
  );
}

export function printReport(results: BenchResults): void {
  const { machine } = results;
  console.log(`\n## R2 Explorer bench — ${results.startedAt}`);
  console.log(
    `${machine.cpus} × ${machine.cpuModel}, ${machine.memoryGiB} GiB, load average at start ${machine.loadAverageAtStart.map((n) => n.toFixed(2)).join(' ')}; Node ${machine.node}; ${machine.aws}; ${machine.rclone}`,
  );
  console.log(
    `Server: ${results.server}. Times are whole processes (start-up included), median (min–max) of ${results.options.runs} runs; ratios are peer time / our time per run.`,
  );
  if (results.cases.length > 0) {
    console.log(`\n${transferTable(results.cases)}\n`);
    const diagnostics = diagnosticsTable(results.cases);
    if (diagnostics) {
      console.log(`${diagnostics}\n`);
    }
    console.log(`${flatnessTable(results.cases)}`);
  }
  if (results.extension) {
    console.log(`\n${extensionReport(results.extension)}`);
  }
}
