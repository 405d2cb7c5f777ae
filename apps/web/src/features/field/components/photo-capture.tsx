import { CameraOutlined, CloseOutlined, EnvironmentOutlined, PictureOutlined } from '@ant-design/icons';
import { App, Button, Spin } from 'antd';
import { useRef, useState } from 'react';
import { useI18n } from '../../../lib/i18n';
import { preparePhoto } from '../hooks/prepare-photo';
import type { Fix } from '../hooks/use-position';
import { FL } from '../labels';
import type { OutboxPhoto, OutboxPhotoKind } from '../outbox/outbox-types';

/** A photo taken in the form, not yet stored: the outbox photo plus a preview URL. */
export type LocalPhoto = Omit<OutboxPhoto, 'uploadedId'> & { url: string };

export const MAX_PHOTOS = 9;

const TIME = new Intl.DateTimeFormat('zh-CN', {
  timeZone: 'Asia/Shanghai',
  hour: '2-digit',
  minute: '2-digit',
  hour12: false,
});

function shotTime(iso: string): string {
  return TIME.format(new Date(iso));
}

function newKey(): string {
  return typeof crypto.randomUUID === 'function' && globalThis.isSecureContext
    ? crypto.randomUUID()
    : `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
}

/**
 * 拍照 / 相册: each picked photo is stamped with the time and the phone's position the moment it reaches
 * the page (browsers strip EXIF GPS), and shown as a thumbnail that can be removed.
 */
export function PhotoCapture({
  kind,
  value,
  onChange,
  fixNow,
  testId,
}: {
  kind: OutboxPhotoKind;
  value: LocalPhoto[];
  onChange: (photos: LocalPhoto[]) => void;
  fixNow: () => Promise<Fix | null>;
  testId: string;
}) {
  const { l } = useI18n();
  const { message } = App.useApp();
  const cameraRef = useRef<HTMLInputElement>(null);
  const albumRef = useRef<HTMLInputElement>(null);
  const [preparing, setPreparing] = useState(0);
  // The latest list, for photos that finish preparing after another change.
  const current = useRef(value);
  current.current = value;

  const onFiles = async (files: File[]) => {
    const picked = files.slice(0, MAX_PHOTOS - current.current.length);
    if (files.length > picked.length) message.warning(l(FL.maxPhotos));
    if (picked.length === 0) return;
    // The time and place of shooting: taken now, before the (slow) re-encoding.
    const capturedAt = new Date().toISOString();
    setPreparing((n) => n + picked.length);
    const fix = await fixNow();
    for (const file of picked) {
      const prepared = await preparePhoto(file);
      setPreparing((n) => n - 1);
      if (!prepared) {
        message.error(l(FL.photoBadType));
        continue;
      }
      // Revoked when the photo is removed or the report is sent (the draft outlives this component).
      const url = URL.createObjectURL(prepared.blob);
      const photo: LocalPhoto = {
        key: newKey(),
        kind,
        blob: prepared.blob,
        name: prepared.name,
        capturedAt,
        lng: fix?.lng ?? null,
        lat: fix?.lat ?? null,
        url,
      };
      current.current = [...current.current, photo];
      onChange(current.current);
    }
  };

  const remove = (key: string) => {
    const photo = value.find((p) => p.key === key);
    if (photo) URL.revokeObjectURL(photo.url);
    onChange(value.filter((p) => p.key !== key));
  };

  const full = value.length + preparing >= MAX_PHOTOS;

  return (
    <div className="cc-field-photos" data-testid={testId}>
      {value.map((p) => (
        <div key={p.key} className="cc-field-thumb" data-testid={`${testId}-item`}>
          <img src={p.url} alt="" />
          <span className="cc-field-thumb-fix">
            <EnvironmentOutlined /> {p.lng === null ? l(FL.photoNoFix) : shotTime(p.capturedAt)}
          </span>
          <button
            type="button"
            className="cc-field-thumb-remove"
            aria-label={l(FL.remove)}
            onClick={() => remove(p.key)}
          >
            <CloseOutlined />
          </button>
        </div>
      ))}
      {preparing > 0 && (
        <div className="cc-field-thumb cc-field-thumb-busy">
          <Spin size="small" />
          <span>{l(FL.photoPreparing)}</span>
        </div>
      )}
      {!full && (
        <div className="cc-field-photo-buttons">
          <Button
            type="dashed"
            icon={<CameraOutlined />}
            onClick={() => cameraRef.current?.click()}
            className="cc-field-photo-add"
          >
            {l(FL.takePhoto)}
          </Button>
          <Button
            type="text"
            size="small"
            icon={<PictureOutlined />}
            onClick={() => albumRef.current?.click()}
          >
            {l(FL.fromAlbum)}
          </Button>
        </div>
      )}
      <input
        ref={cameraRef}
        type="file"
        accept="image/*"
        capture="environment"
        multiple
        hidden
        data-testid={`${testId}-camera`}
        onChange={(e) => {
          const files = Array.from(e.currentTarget.files ?? []);
          e.currentTarget.value = '';
          void onFiles(files);
        }}
      />
      <input
        ref={albumRef}
        type="file"
        accept="image/*"
        multiple
        hidden
        data-testid={`${testId}-album`}
        onChange={(e) => {
          const files = Array.from(e.currentTarget.files ?? []);
          e.currentTarget.value = '';
          void onFiles(files);
        }}
      />
    </div>
  );
}
