import { CameraOutlined, CloseOutlined } from '@ant-design/icons';
import type { Photo } from '@chuangcheng/contracts';
import { App, Button, Flex, Image, Spin } from 'antd';
import { useRef, useState } from 'react';
import { errorMessage, upload } from '../../../lib/api-client';

const MAX_PHOTOS = 6;

interface Props {
  roundId: string;
  /** The photos saved on the checkpoint (served by the round to everyone who reads it). */
  saved: readonly string[];
  /** The photos as edited now (saved ones kept, new uploads added, some removed). */
  value: readonly string[];
  onChange: (ids: string[]) => void;
  readOnly: boolean;
}

/**
 * An assessor's photos of one checkpoint (暗访 evidence): thumbnails, a camera/upload button and
 * remove. New photos go up at once (POST /api/photos) and are saved with the sheet.
 */
export function CheckpointPhotos({ roundId, saved, value, onChange, readOnly }: Props) {
  const { message } = App.useApp();
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(0);
  const src = (id: string, thumb: boolean) =>
    saved.includes(id)
      ? `/api/rounds/${roundId}/photos/${id}/${thumb ? 'thumb' : 'file'}`
      : `/api/photos/${id}/${thumb ? 'thumb' : 'file'}`;

  async function add(files: FileList | null) {
    if (!files) return;
    const room = MAX_PHOTOS - value.length;
    const picked = [...files].slice(0, room);
    setBusy((n) => n + picked.length);
    const ids: string[] = [];
    for (const file of picked) {
      const form = new FormData();
      form.set('kind', 'other');
      form.set('capturedAt', new Date().toISOString());
      form.set('file', file);
      try {
        ids.push((await upload<Photo>('/api/photos', form)).id);
      } catch (e) {
        message.error(errorMessage(e));
      } finally {
        setBusy((n) => n - 1);
      }
    }
    if (ids.length) onChange([...value, ...ids]);
  }

  if (readOnly && value.length === 0) return null;
  return (
    <Flex gap={4} wrap align="center" data-testid="checkpoint-photos">
      <Image.PreviewGroup>
        {value.map((id) => (
          <span key={id} style={{ position: 'relative', display: 'inline-block' }}>
            <Image
              src={src(id, true)}
              preview={{ src: src(id, false) }}
              width={40}
              height={40}
              style={{ objectFit: 'cover', borderRadius: 4 }}
              alt="考核点照片"
            />
            {!readOnly && (
              <Button
                size="small"
                type="text"
                aria-label="移除照片"
                icon={<CloseOutlined style={{ fontSize: 10 }} />}
                onClick={() => onChange(value.filter((x) => x !== id))}
                style={{ position: 'absolute', top: -6, right: -6, width: 18, height: 18, minWidth: 18 }}
              />
            )}
          </span>
        ))}
      </Image.PreviewGroup>
      {busy > 0 && <Spin size="small" />}
      {!readOnly && value.length < MAX_PHOTOS && (
        <>
          <input
            ref={input}
            type="file"
            accept="image/*"
            capture="environment"
            multiple
            hidden
            data-testid="checkpoint-photo-input"
            onChange={(e) => {
              void add(e.target.files);
              e.target.value = '';
            }}
          />
          <Button size="small" icon={<CameraOutlined />} onClick={() => input.current?.click()}>
            拍照
          </Button>
        </>
      )}
    </Flex>
  );
}
