import { useEffect, useState } from 'react';
import { BoardPage } from './board-page';
import { HomePage } from './home-page';
import { navigate } from './nav';
import { ReportPage } from './report-page';
import { TrackPage } from './track-page';

/** The portal's screens by path: /c (home), /c/report, /c/t/{code}, /c/board (曝光台). No router library. */
type Screen = { name: 'home' } | { name: 'report' } | { name: 'track'; code: string } | { name: 'board' };

function screenOf(path: string): Screen {
  const track = /^\/c\/t\/([A-Za-z0-9]+)/.exec(path);
  if (track?.[1]) return { name: 'track', code: track[1].toUpperCase() };
  if (path.startsWith('/c/report')) return { name: 'report' };
  if (path.startsWith('/c/board')) return { name: 'board' };
  return { name: 'home' };
}

export function CitizenApp() {
  const [screen, setScreen] = useState<Screen>(() => screenOf(window.location.pathname));
  useEffect(() => {
    const on = () => setScreen(screenOf(window.location.pathname));
    window.addEventListener('popstate', on);
    return () => window.removeEventListener('popstate', on);
  }, []);
  useEffect(() => {
    const titles = {
      home: '随手拍',
      report: '我要反映 · 随手拍',
      track: '办理进度 · 随手拍',
      board: '曝光台 · 随手拍',
    };
    document.title = titles[screen.name];
  }, [screen]);
  return (
    <div className="page">
      <header className="bar">
        {screen.name !== 'home' ? (
          <button type="button" className="back" onClick={() => navigate('/c')} aria-label="返回首页">
            ‹
          </button>
        ) : null}
        <span>随手拍 · 市民反映</span>
      </header>
      <main>
        {screen.name === 'home' ? <HomePage /> : null}
        {screen.name === 'report' ? <ReportPage /> : null}
        {screen.name === 'track' ? <TrackPage code={screen.code} /> : null}
        {screen.name === 'board' ? <BoardPage /> : null}
      </main>
      <footer className="foot">创城 · 共建卫生文明城市</footer>
    </div>
  );
}
