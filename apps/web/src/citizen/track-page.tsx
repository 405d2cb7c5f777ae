import type { PublicCase } from '@chuangcheng/contracts';
import { type FormEvent, useEffect, useState } from 'react';
import { api, type PortalError } from './api';

const when = (iso: string) =>
  new Date(iso).toLocaleString('zh-CN', {
    timeZone: 'Asia/Shanghai',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  });

function Rating({ code, onDone }: { code: string; onDone: (c: PublicCase) => void }) {
  const [resolved, setResolved] = useState<boolean | null>(null);
  const [score, setScore] = useState(0);
  const [comment, setComment] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (resolved === null) return setError('请选择问题是否已解决');
    if (score < 1) return setError('请打 1–5 分');
    setBusy(true);
    try {
      onDone(
        await api.rate(code, { resolved, score, ...(comment.trim() ? { comment: comment.trim() } : {}) }),
      );
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="card" onSubmit={submit} data-testid="rating">
      <h2>问题解决了吗？</h2>
      <div className="row">
        <button
          type="button"
          className={resolved === true ? 'chip on' : 'chip'}
          onClick={() => setResolved(true)}
        >
          已解决
        </button>
        <button
          type="button"
          className={resolved === false ? 'chip on' : 'chip'}
          onClick={() => setResolved(false)}
        >
          未解决
        </button>
      </div>
      <fieldset className="stars" aria-label="满意度评分">
        {[1, 2, 3, 4, 5].map((n) => (
          <label key={n} className={n <= score ? 'star on' : 'star'}>
            <input
              type="radio"
              name="score"
              value={n}
              checked={score === n}
              aria-label={`${n} 分`}
              onChange={() => setScore(n)}
            />
            ★
          </label>
        ))}
      </fieldset>
      <textarea
        rows={2}
        maxLength={300}
        placeholder="说说您的意见（选填）"
        value={comment}
        onChange={(e) => setComment(e.target.value)}
        aria-label="意见"
      />
      {resolved === false ? <p className="muted">办结 7 天内反馈“未解决”，将重新交办责任单位整改。</p> : null}
      {error ? <p className="error">{error}</p> : null}
      <button type="submit" className="primary big" disabled={busy}>
        {busy ? '提交中…' : '提交评价'}
      </button>
    </form>
  );
}

export function TrackPage({ code }: { code: string }) {
  const [data, setData] = useState<PublicCase | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    setData(null);
    setError(null);
    api.track(code).then(setData, (e: PortalError) => setError(e.message));
  }, [code]);
  if (error) return <p className="card error">{error}</p>;
  if (!data) return <p className="card muted">正在查询…</p>;
  return (
    <div className="stack">
      <section className="card">
        <div className="row spread">
          <span className={`badge ${data.stage}`} data-testid="stage">
            {data.stageLabel}
          </span>
          <span className="muted">查询码 {data.trackingCode}</span>
        </div>
        <h2>{data.category}</h2>
        <p>{data.description}</p>
        {data.address ? <p className="muted">地址：{data.address}</p> : null}
        {data.unitName ? <p className="muted">责任单位：{data.unitName}</p> : null}
        <p className="muted">反映时间：{when(data.createdAt)}</p>
      </section>
      {data.beforePhotos.length + data.afterPhotos.length > 0 ? (
        <section className="card">
          <div className="compare">
            {data.beforePhotos.length > 0 ? (
              <div>
                <h3>反映时</h3>
                {data.beforePhotos.map((p) => (
                  <img key={p.id} src={p.url} alt="反映时照片" loading="lazy" />
                ))}
              </div>
            ) : null}
            {data.afterPhotos.length > 0 ? (
              <div>
                <h3>整改后</h3>
                {data.afterPhotos.map((p) => (
                  <img key={p.id} src={p.url} alt="整改后照片" loading="lazy" />
                ))}
              </div>
            ) : null}
          </div>
        </section>
      ) : null}
      <section className="card">
        <h2>办理过程</h2>
        <ol className="timeline" data-testid="timeline">
          {[...data.timeline].reverse().map((e) => (
            <li key={`${e.at}-${e.label}`}>
              <strong>{e.label}</strong>
              <span className="muted">{when(e.at)}</span>
              {e.note ? <p>{e.note}</p> : null}
            </li>
          ))}
        </ol>
      </section>
      {data.canRate ? <Rating code={data.trackingCode} onDone={setData} /> : null}
      {data.rating ? (
        <section className="card" data-testid="rated">
          <h2>您的评价</h2>
          <p>
            {data.rating.resolved ? '已解决' : '未解决'} · {'★'.repeat(data.rating.score ?? 0)}
          </p>
          {data.rating.comment ? <p className="muted">{data.rating.comment}</p> : null}
        </section>
      ) : null}
    </div>
  );
}
