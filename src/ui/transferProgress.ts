import type * as vscode from 'vscode';
import { formatBytes } from './format';

// Progress updates at most this often: thousands of small files must not flood the notification.
const THROTTLE_MS = 150;

/**
 * Byte-based progress for a batch: `add(bytes)` as bytes move, `fileDone()` as files finish. The
 * notification shows "3 of 12 files · 45 MB of 120 MB" and a bar that moves with the bytes.
 */
export class TransferProgress {
  private bytes = 0;
  private files = 0;
  private reportedPercent = 0;
  private lastReport = 0;

  constructor(
    private readonly progress: vscode.Progress<{ message?: string; increment?: number }>,
    private readonly totalBytes: number,
    private readonly totalFiles: number,
  ) {
    this.report(true);
  }

  add(bytes: number): void {
    this.bytes += bytes;
    this.report(false);
  }

  fileDone(): void {
    this.files++;
    this.report(this.files === this.totalFiles);
  }

  private report(force: boolean): void {
    const now = Date.now();
    if (!force && now - this.lastReport < THROTTLE_MS) {
      return;
    }
    this.lastReport = now;
    const percent = this.totalBytes > 0 ? Math.min(100, (this.bytes / this.totalBytes) * 100) : (this.files / Math.max(1, this.totalFiles)) * 100;
    const files = this.totalFiles === 1 ? '' : `${this.files} of ${this.totalFiles} files · `;
    this.progress.report({ message: `${files}${formatBytes(this.bytes)} of ${formatBytes(this.totalBytes)}`, increment: percent - this.reportedPercent });
    this.reportedPercent = percent;
  }
}
