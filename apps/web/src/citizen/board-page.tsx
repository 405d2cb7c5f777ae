import type { Page, PublicExposure, PublicRankingBoard, RankingEntry } from '@chuangcheng/contracts';
import { useCallback, useEffect, useState } from 'react';
import './board.css';

// 曝光台 and 红黑榜 of the citizen portal (/c/board): what the office published, no login.

const PAGE_SIZE = 10;

async function get<T>(url: string): Promise<T> {
  let res: Response;
  try {
    res = await fetch(url, { headers: { accept: 'application/json' } });
  } catch {
    throw new Error('网络连接失败，请检查网络后重试');
  }
  const body = (await res.json().catch(() => null)) as { error?: { message?: string } } | null;
  if (!res.ok) throw new Error(body?.error?.message ?? `加载失败（${res.status}）`);
  return body as T;
}

const day = (iso: string) =>
  new Date(iso).toLocaleDateString('zh-CN', {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  });
const percent = (v: number | null) => (v === null ? '—' : `${(v * 100).toFixed(1)}%`);

function Photos({
  label,
  photos,
  empty,
}: {
  label: string;
  photos: PublicExposure['beforePhotos'];
  empty: string;
}) {
  const first = photos[0];
  return (
    <figure className="board-photo">
      {first ? (
        <a href={first.url} target="_blank" rel="noreferrer">
          <img src={first.url} alt={`${label}照片`} loading="lazy" />
        </a>
      ) : (
        <div className="board-photo-empty">{empty}</div>
      )}
      <figcaption>
        {label}
        {photos.length > 1 ? ` · ${photos.length} 张` : ''}
      </figcaption>
    </figure>
  );
}

function ExposureCard({ e }: { e: PublicExposure }) {
  return (
    <article className="card board-card" data-testid="exposure-card">
      <div className="board-card-head">
        <h2>{e.title}</h2>
        <span className={`badge ${e.stage}`}>{e.stageLabel}</span>
      </div>
      <div className="board-compare">
        <Photos label="整改前" photos={e.beforePhotos} empty="暂无照片" />
        <Photos label="整改后" photos={e.afterPhotos} empty={e.stage === 'done' ? '暂无照片' : '正在整改'} />
      </div>
      <dl className="board-facts">
        <dt>问题</dt>
        <dd>{e.category}</dd>
        {e.address ? (
          <>
            <dt>地点</dt>
            <dd>{e.address}</dd>
          </>
        ) : null}
        <dt>责任单位</dt>
        <dd className="board-unit">{e.unitName ?? '—'}</dd>
      </dl>
      {e.comment ? <p className="board-comment">{e.comment}</p> : null}
      <p className="muted">曝光于 {day(e.publishedAt)}</p>
    </article>
  );
}

function Exposures() {
  const [items, setItems] = useState<PublicExposure[]>([]);
  const [total, setTotal] = useState<number | null>(null);
  const [page, setPage] = useState(1);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(async (p: number) => {
    setBusy(true);
    setError(null);
    try {
      const r = await get<Page<PublicExposure>>(`/api/public/exposures?page=${p}&pageSize=${PAGE_SIZE}`);
      setItems((prev) => (p === 1 ? r.items : [...prev, ...r.items]));
      setTotal(r.total);
      setPage(p);
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  }, []);
  useEffect(() => {
    void load(1);
  }, [load]);

  if (total === null && !error) return <p className="card muted">正在加载…</p>;
  return (
    <div className="stack">
      {total === 0 ? <p className="card muted board-empty">暂无曝光的问题。</p> : null}
      {items.map((e) => (
        <ExposureCard key={e.id} e={e} />
      ))}
      {error ? (
        <p className="card error">
          {error}{' '}
          <button type="button" onClick={() => load(page === 1 && items.length === 0 ? 1 : page + 1)}>
            重试
          </button>
        </p>
      ) : null}
      {total !== null && items.length < total && !error ? (
        <button type="button" className="big" disabled={busy} onClick={() => load(page + 1)}>
          {busy ? '加载中…' : `查看更多（还有 ${total - items.length} 条）`}
        </button>
      ) : null}
    </div>
  );
}

function RankList({
  kind,
  entries,
  ranked,
}: {
  kind: 'red' | 'black';
  entries: RankingEntry[];
  ranked: number;
}) {
  return (
    <section className={`card board-list ${kind}`} data-testid={`board-${kind}`}>
      <h2>
        {kind === 'red' ? '红榜' : '黑榜'}
        <small>{kind === 'red' ? '按期结案率最高' : '按期结案率最低（倒数排名）'}</small>
      </h2>
      {entries.length === 0 ? <p className="muted">本期无</p> : null}
      <ol>
        {entries.map((e) => (
          <li key={e.unitId}>
            <span className="board-rank">{kind === 'red' ? e.rank : ranked - e.rank + 1}</span>
            <span className="board-name">{e.unitName}</span>
            <span className="board-rate">
              <strong>{percent(e.onTimeCloseRate)}</strong>
              <small className="board-rate-sub">
                结案率 {percent(e.closeRate)} · 应结案 {e.needClose} 件
              </small>
            </span>
          </li>
        ))}
      </ol>
    </section>
  );
}

function Ranking() {
  const [board, setBoard] = useState<PublicRankingBoard | null | undefined>(undefined);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    get<Page<PublicRankingBoard>>('/api/public/ranking-boards?pageSize=1').then(
      (r) => setBoard(r.items[0] ?? null),
      (e: Error) => setError(e.message),
    );
  }, []);
  if (error) return <p className="card error">{error}</p>;
  if (board === undefined) return <p className="card muted">正在加载…</p>;
  if (board === null) return <p className="card muted board-empty">暂未发布红黑榜。</p>;
  return (
    <div className="stack" data-testid="board-ranking">
      <section className="card board-period">
        <h2>{board.title}</h2>
        <p className="muted">
          统计时段 {board.periodFrom} 至 {board.periodTo} · 参评单位 {board.rankedUnits} 个 · 发布于{' '}
          {day(board.publishedAt)}
        </p>
      </section>
      <RankList kind="red" entries={board.red} ranked={board.rankedUnits} />
      <RankList kind="black" entries={board.black} ranked={board.rankedUnits} />
      <p className="muted board-note">
        按期结案率 = 按期结案数 ÷ 应结案数（已结案 + 超期未结案），相同时比较结案率。
      </p>
    </div>
  );
}

type Tab = 'exposures' | 'ranking';

/** /c/board: the exposure board's cards and the latest 红黑榜, switched by two tabs (#ranking links the second). */
export function BoardPage() {
  const [tab, setTab] = useState<Tab>(() => (window.location.hash === '#ranking' ? 'ranking' : 'exposures'));
  const choose = (t: Tab) => {
    setTab(t);
    window.history.replaceState(null, '', t === 'ranking' ? '#ranking' : window.location.pathname);
  };
  return (
    <>
      <div className="board-tabs" role="tablist">
        <button
          type="button"
          role="tab"
          aria-selected={tab === 'exposures'}
          className={tab === 'exposures' ? 'on' : ''}
          onClick={() => choose('exposures')}
        >
          曝光台
        </button>
        <button
          type="button"
          role="tab"
          aria-selected={tab === 'ranking'}
          className={tab === 'ranking' ? 'on' : ''}
          onClick={() => choose('ranking')}
        >
          红黑榜
        </button>
      </div>
      {tab === 'exposures' ? <Exposures /> : <Ranking />}
    </>
  );
}
