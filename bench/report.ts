// The table on stdout (Markdown, so README can quote it as printed), with a verdict per target.
import type { CaseResult, ToolResult } from './cases/caseRunner';
import { extensionReport } from './cases/extensionReport';
import { vscodeTransfersTable } from './cases/vscodeTransfersReport';
import { pageReportingNote } from './pageReporting';
import type { BenchResults } from './run';
import type { Spread } from './summary';
import type { RequestCounts } from './localServer';
import { atLeastRatio, atMost, atMostRatio, TARGETS } from './targets';
import type { Verdict } from './targets';

const mb = (bytes: number) => `${(bytes / 1e6).toFixed(0)} MB`;
export const seconds = (ms: number) => (ms >= 10_000 ? (ms / 1000).toFixed(1) : (ms / 1000).toFixed(2));
export const range = (s: Spread, format: (n: number) => string) =>
  `${format(s.median)} (${format(s.min)}–${format(s.max)})`;
const ratio = (s: Spread) => `${s.median.toFixed(2)}× (${s.min.toFixed(2)}–${s.max.toFixed(2)})`;

export function table(header: string[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

const GiB = 1024 ** 3;

function toolCell(tool: ToolResult | undefined): string {
  if (!tool) {
    return '—';
  }
  const speed = tool.throughputMBps === undefined ? '' : `, ${tool.throughputMBps.toFixed(0)} MB/s`;
  return `${range(tool.wallMs, seconds)} s${speed}`;
}

/** CPU seconds (user + system) per GiB moved; plain CPU seconds when the case moves no known bytes. */
function cpuPerGiB(c: CaseResult, tool: ToolResult): number {
  return c.bytes === undefined ? tool.cpuMs.median / 1000 : tool.cpuMs.median / 1000 / (c.bytes / GiB);
}

function cpuCell(c: CaseResult): string {
  const cells = ['ours', 'aws', 'rclone'].flatMap((name) => {
    const tool = c.tools.find((t) => t.tool === name);
    return tool ? [`${name} ${cpuPerGiB(c, tool).toFixed(2)}`] : [];
  });
  return `${cells.join(' / ')} ${c.bytes === undefined ? 's' : 's/GiB'}`;
}

function requestsCell(tool: ToolResult | undefined): string {
  const r = tool?.requests;
  return r ? `${r.total} (A ${r.classA}, B ${r.classB})` : '—';
}

function join(verdicts: Verdict[]): Verdict {
  return { met: verdicts.every((v) => v.met), text: verdicts.map((v) => v.text).join('; ') };
}

function verdictFor(c: CaseResult, ours: ToolResult): Verdict | undefined {
  const link = c.profile === 'link';
  if (c.id.startsWith('list-') && !link && c.ratios.aws) {
    return atLeastRatio(c.ratios.aws.median, TARGETS.listRatioVsAws);
  }
  if (!c.vsFaster) {
    return undefined;
  }
  const speed = atLeastRatio(c.vsFaster.ratio.median, link ? TARGETS.linkRatio : TARGETS.loopbackRatio);
  if (c.id.startsWith('list-')) {
    return speed;
  }
  const verdicts = [{ ...speed, text: `speed ${speed.text}` }];
  const rclone = c.tools.find((t) => t.tool === 'rclone');
  if (!link && rclone) {
    const cpu = atMostRatio(cpuPerGiB(c, ours) / cpuPerGiB(c, rclone), TARGETS.cpuPerGiBVsRclone, "rclone's");
    verdicts.push({ ...cpu, text: `CPU/GiB ${cpu.text}` });
  }
  if (!c.id.startsWith('folder')) {
    const memory = atMost(ours.peakRssBytes.max, TARGETS.transferPeakRssBytes, mb);
    verdicts.push({ ...memory, text: `RSS ${memory.text}` });
  }
  return join(verdicts);
}

export function transferTable(cases: readonly CaseResult[]): string {
  const rows = cases.map((c) => {
    const tool = (name: string) => c.tools.find((t) => t.tool === name);
    const ours = tool('ours')!;
    const versus = c.vsFaster ? `${ratio(c.vsFaster.ratio)} vs ${c.vsFaster.peer}` : '—';
    const verdict = verdictFor(c, ours);
    return [
      c.title,
      c.profile,
      toolCell(ours),
      toolCell(tool('aws')),
      toolCell(tool('rclone')),
      versus,
      cpuCell(c),
      range(ours.peakRssBytes, mb),
      [requestsCell(ours), requestsCell(tool('aws')), requestsCell(tool('rclone'))].join(' / '),
      verdict?.text ?? 'ours only (memory check)',
    ];
  });
  return table(
    [
      'case',
      'profile',
      'ours',
      'aws',
      'rclone',
      'ours vs faster peer',
      'CPU (user+sys) per GiB',
      'ours peak RSS',
      'requests ours / aws / rclone',
      'target',
    ],
    rows,
  );
}

function operationsCell(requests: RequestCounts | undefined): string {
  if (!requests) {
    return '—';
  }
  const operations = Object.entries(requests.operations)
    .map(([operation, n]) => `${n} ${operation}`)
    .join(', ');
  return `${requests.total} (A ${requests.classA}, B ${requests.classB}): ${operations}`;
}

function syncVerdict(c: CaseResult, ours: ToolResult): string {
  const rclone = c.tools.find((t) => t.tool === 'rclone')?.requests;
  const verdicts: Verdict[] = [];
  if (c.profile === 'link' && c.vsFaster) {
    const speed = atLeastRatio(c.vsFaster.ratio.median, TARGETS.linkRatio);
    verdicts.push({ ...speed, text: `speed ${speed.text}` });
  }
  if (ours.requests && rclone) {
    const met = ours.requests.total <= rclone.total;
    const text = `${ours.requests.total} ${met ? '≤' : '>'} rclone's ${rclone.total}`;
    verdicts.push({ met, text: `requests ${met ? 'met' : 'MISSED'} (${text})` });
  }
  // Checked while running: the bench stops if ours sends more than the listing.
  verdicts.push({ met: true, text: 'nothing changed: listing only (met, asserted)' });
  return join(verdicts).text;
}

/** Ours with other part sizes and parts in flight: one row per setting, against src/r2's defaults. */
export function curveTable(cases: readonly CaseResult[]): string {
  const rows = cases.flatMap((c) => {
    const defaults = c.tools.find((t) => t.tool === 'ours')!;
    return c.tools.map((tool) => [
      c.title,
      c.profile,
      tool === defaults ? 'src/r2 defaults' : tool.tool.replace(/^ours \((.*)\)$/, '$1'),
      toolCell(tool),
      `${cpuPerGiB(c, tool).toFixed(2)} s/GiB`,
      `${(defaults.wallMs.median / tool.wallMs.median).toFixed(2)}×`,
    ]);
  });
  return table(['case', 'profile', 'setting', 'time', 'CPU per GiB', 'faster than the defaults by'], rows);
}

/** Time, ratio, CPU and requests by operation of one tool in a case: the start of its row. */
function operationCells(c: CaseResult, tool: ToolResult): string[] {
  return [
    c.profile,
    tool.tool,
    `${range(tool.wallMs, seconds)} s`,
    tool.tool === 'ours' ? '—' : ratio(c.ratios[tool.tool]),
    `${seconds(tool.cpuMs.median)} s`,
    operationsCell(tool.requests),
  ];
}

const OPERATION_HEADER = ['profile', 'tool', 'time', 'ours faster by', 'CPU', 'requests (class A, B)'];

/** One row per tool: the sync's own measures (requests by operation, bytes sent, the second sync). */
export function syncTable(cases: readonly CaseResult[]): string {
  const rows = cases.flatMap((c) => {
    const ours = c.tools.find((t) => t.tool === 'ours')!;
    return c.tools.map((tool) => [
      ...operationCells(c, tool),
      tool.traffic ? `${(tool.traffic.sentBytes / 1e6).toFixed(1)} MB` : '—',
      operationsCell(c.secondSync?.[tool.tool]),
      tool === ours ? syncVerdict(c, ours) : '',
    ]);
  });
  return table([...OPERATION_HEADER, 'bytes sent (link only)', 'again, nothing changed', 'target'], rows);
}

/** Folder rename and large copy (issue 17 asks for their time and requests; it sets no target). */
export function folderOperationsTable(cases: readonly CaseResult[]): string {
  const rows = cases.flatMap((c) => c.tools.map((tool) => [c.title, ...operationCells(c, tool)]));
  return table(['case', ...OPERATION_HEADER], rows);
}

/** Variants of ours run only to explain a result (e.g. what the flush to disk costs). */
export function diagnosticsTable(cases: readonly CaseResult[]): string | undefined {
  const rows = cases.flatMap((c) =>
    Object.entries(c.diagnostics ?? {}).map(([tool, ratio]) => {
      const result = c.tools.find((t) => t.tool === tool)!;
      return [
        c.title,
        c.profile,
        tool,
        toolCell(result),
        `${ratio.median.toFixed(2)}× (${ratio.min.toFixed(2)}–${ratio.max.toFixed(2)}) vs ${c.vsFaster?.peer ?? ''}`,
        range(result.peakRssBytes, mb),
      ];
    }),
  );
  return rows.length === 0
    ? undefined
    : table(['case', 'profile', 'diagnostic variant', 'time', 'vs faster peer', 'peak RSS'], rows);
}

/** Peak RSS of the large case against the small one: flat means it does not grow with size. */
export function flatnessTable(all: readonly CaseResult[]): string {
  const cases = all.filter((c) => c.profile === 'loopback');
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
  const pageReporting = pageReportingNote(machine.pageReportingDelayMs);
  if (pageReporting !== undefined) {
    console.log(pageReporting);
  }
  console.log(
    `Server: ${results.server}. Times are whole processes (start-up included), median (min–max) of ${results.options.runs} runs; ratios are peer time / our time per run.`,
  );
  const { profiles, linkRttMs, linkMBps } = results.options;
  console.log(
    `Profiles: ${profiles.join(', ')}; link = bench/linkProxy.ts in front of the server: ${linkRttMs} ms before each answer's first byte and before a new connection's first request, ${linkMBps} MB/s each way per connection.`,
  );
  const sync = results.cases.filter((c) => c.id === 'sync');
  const curve = results.cases.filter((c) => c.id.startsWith('curve-'));
  const folderOperations = results.cases.filter((c) => c.id === 'move' || c.id.startsWith('bigcopy-'));
  const transfers = results.cases.filter(
    (c) => !sync.includes(c) && !curve.includes(c) && !folderOperations.includes(c),
  );
  if (transfers.length > 0) {
    console.log(`\n${transferTable(transfers)}\n`);
    const diagnostics = diagnosticsTable(transfers);
    if (diagnostics) {
      console.log(`${diagnostics}\n`);
    }
    console.log(`${flatnessTable(transfers)}`);
  }
  if (results.vscodeTransfers) {
    console.log(`\n${vscodeTransfersTable(results.vscodeTransfers)}`);
  }
  if (sync.length > 0) {
    console.log(`\n${syncTable(sync)}`);
  }
  if (folderOperations.length > 0) {
    console.log(`\n${folderOperationsTable(folderOperations)}`);
  }
  if (curve.length > 0) {
    console.log(`\n${curveTable(curve)}`);
  }
  if (results.extension) {
    console.log(`\n${extensionReport(results.extension)}`);
  }
}
