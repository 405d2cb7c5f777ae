import { type FormEvent, useState } from 'react';
import { navigate } from './nav';

export function HomePage() {
  const [code, setCode] = useState('');
  const [error, setError] = useState<string | null>(null);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const c = code.trim().toUpperCase();
    if (!/^[A-Z0-9]{6,16}$/.test(c)) {
      setError('查询码为 6–16 位字母或数字，请核对');
      return;
    }
    navigate(`/c/t/${c}`);
  };
  return (
    <>
      <section className="hero">
        <h1>发现问题，随手一拍</h1>
        <p>暴露垃圾、占道经营、乱贴乱画、设施损坏……拍照上报，我们派到责任单位限时处理，办结后请您评价。</p>
        <button type="button" className="primary big" onClick={() => navigate('/c/report')}>
          我要反映
        </button>
      </section>
      <form className="card" onSubmit={submit}>
        <h2>查询办理进度</h2>
        <label htmlFor="code">查询码</label>
        <div className="row">
          <input
            id="code"
            value={code}
            onChange={(e) => {
              setCode(e.target.value);
              setError(null);
            }}
            placeholder="上报后获得的 10 位查询码"
            autoCapitalize="characters"
            autoComplete="off"
          />
          <button type="submit" className="primary">
            查询
          </button>
        </div>
        {error ? <p className="error">{error}</p> : null}
      </form>
      <button type="button" className="card link" onClick={() => navigate('/c/board')}>
        <strong>曝光台 · 红黑榜</strong>
        <span className="muted">看看哪些问题被曝光、哪些单位上了红黑榜 ›</span>
      </button>
    </>
  );
}
