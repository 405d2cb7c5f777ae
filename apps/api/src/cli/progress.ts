/** A one-line progress bar on stderr (a TTY gets redraws; a log file gets a line per 10 %). */
export function progressBar(label: string) {
  const tty = process.stderr.isTTY;
  let lastDecile = -1;
  return {
    update(done: number, total: number, stage = '') {
      const pct = total > 0 ? Math.min(100, Math.floor((done / total) * 100)) : 100;
      const width = 30;
      const filled = Math.round((pct / 100) * width);
      const line = `${label} [${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${pct}% ${done}/${total} ${stage}`;
      if (tty) process.stderr.write(`\r${line.padEnd(100)}`);
      else if (Math.floor(pct / 10) !== lastDecile) {
        lastDecile = Math.floor(pct / 10);
        process.stderr.write(`${line}\n`);
      }
    },
    done() {
      if (tty) process.stderr.write('\n');
    },
  };
}
