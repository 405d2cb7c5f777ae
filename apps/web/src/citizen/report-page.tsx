import type { PublicConfig, PublicPhoto, PublicReceipt } from '@chuangcheng/contracts';
import { type FormEvent, useEffect, useMemo, useState } from 'react';
import { api, locate, PortalError } from './api';
import { navigate } from './nav';
import { PinMap } from './pin-map';

interface Shot {
  key: string;
  preview: string;
  photo: PublicPhoto | null;
  error: string | null;
}

const FIELD_LABELS: Record<string, string> = {
  categoryId: '问题类型',
  description: '问题描述',
  lng: '位置',
  lat: '位置',
  phone: '手机号码',
  photos: '照片',
};

function CameraIcon() {
  return (
    <svg
      width="28"
      height="28"
      viewBox="0 0 24 24"
      aria-hidden="true"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.6"
    >
      <path d="M4 7h3l2-2.5h6L17 7h3a1 1 0 0 1 1 1v10a1 1 0 0 1-1 1H4a1 1 0 0 1-1-1V8a1 1 0 0 1 1-1z" />
      <circle cx="12" cy="13" r="3.6" />
    </svg>
  );
}

export function ReportPage() {
  const [config, setConfig] = useState<PublicConfig | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [shots, setShots] = useState<Shot[]>([]);
  const [search, setSearch] = useState('');
  const [categoryId, setCategoryId] = useState('');
  const [where, setWhere] = useState<{ lng: number; lat: number } | null>(null);
  const [locating, setLocating] = useState(false);
  const [description, setDescription] = useState('');
  const [address, setAddress] = useState('');
  const [phone, setPhone] = useState('');
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<string[]>([]);
  const [receipt, setReceipt] = useState<PublicReceipt | null>(null);
  // One key per composed report: a resend after a weak-network failure files it once.
  const [idempotencyKey] = useState(() => `c-${crypto.randomUUID()}`);

  useEffect(() => {
    api.config().then(setConfig, (e: Error) => setLoadError(e.message));
  }, []);

  const groups = useMemo(() => {
    const text = search.trim();
    const list = (config?.categories ?? []).filter(
      (c) => !text || c.name.includes(text) || c.group.includes(text) || c.code.includes(text),
    );
    const byGroup = new Map<string, typeof list>();
    // Events (暴露垃圾, 占道经营 …) are what citizens mostly see; facilities (井盖, 路灯 …) after them.
    const ordered = [...list.filter((c) => c.kind === 'event'), ...list.filter((c) => c.kind !== 'event')];
    for (const c of ordered) byGroup.set(c.group, [...(byGroup.get(c.group) ?? []), c]);
    return [...byGroup.entries()];
  }, [config, search]);

  async function addPhotos(files: FileList | null) {
    if (!files || !config) return;
    const at = new Date().toISOString();
    const room = config.limits.maxPhotos - shots.length;
    const added = [...files].slice(0, room).map((file) => ({
      file,
      shot: {
        key: crypto.randomUUID(),
        preview: URL.createObjectURL(file),
        photo: null,
        error: null,
      } as Shot,
    }));
    setShots((s) => [...s, ...added.map((a) => a.shot)]);
    // Where the photo was taken: the pin if set, else the position now (a few seconds at most).
    const pos = where ?? (await locate(5_000));
    if (pos && !where) setWhere(pos);
    for (const { file, shot } of added) {
      const key = shot.key;
      if (file.size > config.limits.photoMaxBytes) {
        const mb = Math.round(config.limits.photoMaxBytes / 1048576);
        setShots((s) => s.map((x) => (x.key === key ? { ...x, error: `照片超过 ${mb} MB` } : x)));
        continue;
      }
      api.uploadPhoto(file, { at, ...(pos ?? {}) }).then(
        (photo) => setShots((s) => s.map((x) => (x.key === key ? { ...x, photo } : x))),
        (e: Error) => setShots((s) => s.map((x) => (x.key === key ? { ...x, error: e.message } : x))),
      );
    }
  }

  async function locateMe() {
    setLocating(true);
    const p = await locate();
    setLocating(false);
    if (p) setWhere(p);
    else setErrors(['无法获取定位，请允许定位权限，或在地图上点选问题位置']);
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    const problems: string[] = [];
    const ready = shots.filter((s) => s.photo).map((s) => s.photo!);
    if (ready.length === 0) problems.push('请至少拍摄或上传一张照片');
    if (shots.some((s) => !s.photo && !s.error)) problems.push('照片仍在上传，请稍候');
    if (!categoryId) problems.push('请选择问题类型');
    if (!where) problems.push('请定位或在地图上点选问题位置');
    if (description.trim().length < 2) problems.push('请简要描述问题（至少 2 个字）');
    if (phone && !/^1[3-9]\d{9}$/.test(phone.trim())) problems.push('手机号码格式不正确');
    setErrors(problems);
    if (problems.length > 0 || !where) return;
    setBusy(true);
    try {
      const r = await api.report({
        categoryId,
        description: description.trim(),
        lng: where.lng,
        lat: where.lat,
        ...(address.trim() ? { address: address.trim() } : {}),
        ...(phone.trim() ? { phone: phone.trim() } : {}),
        photos: ready.map((p) => ({ id: p.id, token: p.token })),
        idempotencyKey,
      });
      setReceipt(r);
      window.scrollTo(0, 0);
    } catch (err) {
      if (err instanceof PortalError && err.fields.length > 0) {
        setErrors(
          err.fields.map((f) => `${FIELD_LABELS[f.field.split('.')[0] ?? ''] ?? f.field}：${f.message}`),
        );
      } else setErrors([(err as Error).message]);
    } finally {
      setBusy(false);
    }
  }

  if (loadError) return <p className="card error">{loadError}</p>;
  if (!config) return <p className="card muted">正在加载…</p>;
  if (receipt) {
    return (
      <section className="card done" data-testid="receipt">
        <h2>已收到您的反映</h2>
        <p>请记下查询码，凭码查询办理进度、办结后评价：</p>
        <p className="code" data-testid="tracking-code">
          {receipt.trackingCode}
        </p>
        <p className="muted">受理编号 {receipt.number}</p>
        <button
          type="button"
          className="primary big"
          onClick={() => navigate(`/c/t/${receipt.trackingCode}`)}
        >
          查看办理进度
        </button>
      </section>
    );
  }
  return (
    <form className="stack" onSubmit={submit} noValidate>
      <section className="card">
        <h2>
          1. 拍照 <small>（最多 {config.limits.maxPhotos} 张）</small>
        </h2>
        <div className="shots">
          {shots.map((s) => (
            <figure key={s.key} className={s.error ? 'shot bad' : 'shot'}>
              <img src={s.preview} alt="问题照片" />
              <figcaption>{s.error ?? (s.photo ? '已上传' : '上传中…')}</figcaption>
              <button
                type="button"
                className="remove"
                aria-label="删除照片"
                onClick={() => setShots((all) => all.filter((x) => x.key !== s.key))}
              >
                ×
              </button>
            </figure>
          ))}
          {shots.length < config.limits.maxPhotos ? (
            <label className="shot add">
              <input
                type="file"
                accept="image/*"
                capture="environment"
                multiple
                data-testid="photo-input"
                onChange={(e) => {
                  void addPhotos(e.target.files);
                  e.target.value = '';
                }}
              />
              <CameraIcon />
              <span>拍照/相册</span>
            </label>
          ) : null}
        </div>
      </section>

      <section className="card">
        <h2>2. 问题类型</h2>
        <input
          type="search"
          placeholder="搜索，如：垃圾、占道、小广告"
          value={search}
          onChange={(e) => setSearch(e.target.value)}
          aria-label="搜索问题类型"
        />
        <div className="cats" role="listbox" aria-label="问题类型">
          {groups.length === 0 ? <p className="muted">没有匹配的类型，请换个词</p> : null}
          {groups.map(([group, list]) => (
            <div key={group}>
              <h3>{group}</h3>
              <div className="chips">
                {list.map((c) => (
                  <button
                    key={c.id}
                    type="button"
                    role="option"
                    aria-selected={c.id === categoryId}
                    className={c.id === categoryId ? 'chip on' : 'chip'}
                    onClick={() => setCategoryId(c.id)}
                  >
                    {c.name}
                  </button>
                ))}
              </div>
            </div>
          ))}
        </div>
      </section>

      <section className="card">
        <h2>3. 位置</h2>
        <div className="row">
          <button type="button" onClick={() => void locateMe()} disabled={locating}>
            {locating ? '定位中…' : '使用我的位置'}
          </button>
          <span className="muted">
            {where ? `已选位置 ${where.lng.toFixed(5)}, ${where.lat.toFixed(5)}` : '或点地图选点'}
          </span>
        </div>
        <PinMap config={config} value={where} onChange={setWhere} />
        <input
          placeholder="详细地址或参照物（选填），如：幸福路 8 号门口"
          value={address}
          maxLength={200}
          onChange={(e) => setAddress(e.target.value)}
          aria-label="详细地址"
        />
      </section>

      <section className="card">
        <h2>4. 描述</h2>
        <textarea
          rows={3}
          maxLength={500}
          placeholder="简要说明问题，如：垃圾桶满溢，垃圾散落一地"
          value={description}
          onChange={(e) => setDescription(e.target.value)}
          aria-label="问题描述"
        />
        <label htmlFor="phone">手机号码（选填，仅用于回访，不公开）</label>
        <input
          id="phone"
          inputMode="tel"
          maxLength={11}
          value={phone}
          onChange={(e) => setPhone(e.target.value)}
          placeholder="138xxxxxxxx"
        />
      </section>

      {errors.length > 0 ? (
        <ul className="card error" role="alert">
          {errors.map((x) => (
            <li key={x}>{x}</li>
          ))}
        </ul>
      ) : null}
      <button type="submit" className="primary big" disabled={busy}>
        {busy ? '提交中…' : '提交反映'}
      </button>
    </form>
  );
}
