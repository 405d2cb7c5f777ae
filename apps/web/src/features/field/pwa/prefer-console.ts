const KEY = 'chuangcheng.preferConsole';

/**
 * A grid worker on a phone lands in the field app; 电脑版 in 我的 opts out for this browser session
 * (sessionStorage), so the console's home page stops sending them back.
 */
export function preferConsole(value: boolean): void {
  try {
    if (value) sessionStorage.setItem(KEY, '1');
    else sessionStorage.removeItem(KEY);
  } catch {
    // not remembered: the redirect applies again
  }
}

export function prefersConsole(): boolean {
  try {
    return sessionStorage.getItem(KEY) === '1';
  } catch {
    return false;
  }
}
