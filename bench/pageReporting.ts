// Virtual machines whose kernel reports freed memory to the host (virtio-balloon free page reporting)
// give each freed page back at once when page_reporting's min_free_ms is 0, as on the bench's VM. A
// tool that then writes a GiB into the page cache faults every page in from the host again. Measured
// there (2026-12-02, plain Node, 1 GiB in 1 MiB writes, the file removed after each): 1.35–1.59 CPU-s
// after a pause of 2 s or more, 0.15 s right after another such write; with min_free_ms at 60000,
// 0.14–0.17 s after any pause. Which tool pays it depends on timing: noise the size of a whole
// loopback transfer of a GiB.
import { readFileSync } from 'node:fs';

const MIN_FREE_MS = '/sys/module/page_reporting/parameters/min_free_ms';

/** How long freed pages stay with this machine before they are reported; undefined: no such reporting. */
export function pageReportingDelayMs(): number | undefined {
  try {
    return Number(readFileSync(MIN_FREE_MS, 'utf8').trim());
  } catch {
    return undefined;
  }
}

/** What the report says of it: nothing where pages stay, a warning where they leave at once. */
export function pageReportingNote(delayMs: number | undefined): string | undefined {
  if (delayMs === undefined) {
    return undefined;
  }
  const stated = `Freed memory is reported to the VM's host after ${delayMs} ms (${MIN_FREE_MS}).`;
  return delayMs >= 10_000
    ? stated
    : `${stated} Transfer times here include faulting pages back in from the host, about 1.4 CPU-s per GiB written, for whichever tool comes after a pause: as root, \`echo 60000 > ${MIN_FREE_MS}\` keeps freed pages for a minute.`;
}
