import type { Photo } from '@chuangcheng/contracts';
import { Empty, Image } from 'antd';
import { useI18n } from '../../../lib/i18n';
import { PhotoFlags } from './photo-flags';

const GROUPS = ['before', 'after', 'other'] as const;

function Thumb({ photo, size, flags = false }: { photo: Photo; size: number; flags?: boolean }) {
  const image = (
    <Image
      src={photo.thumbUrl}
      preview={{ src: photo.url }}
      width={size}
      height={size}
      alt=""
      data-testid={`photo-${photo.kind}`}
    />
  );
  if (!flags || photo.flags.length === 0) return image;
  return (
    <div style={{ maxWidth: Math.max(size, 160) }}>
      {image}
      <PhotoFlags photos={[photo]} />
    </div>
  );
}

/** 处置前 / 处置后 (and 其他) photos; one preview group so a click can page through all of them. */
export function CasePhotos({ photos }: { photos: Photo[] }) {
  const { t } = useI18n();
  if (photos.length === 0)
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('cases.noPhotos')} />;
  const labels = {
    before: t('cases.beforePhotos'),
    after: t('cases.afterPhotos'),
    other: t('cases.otherPhotos'),
  };
  return (
    <Image.PreviewGroup>
      {GROUPS.map((kind) => {
        const group = photos.filter((p) => p.kind === kind);
        if (group.length === 0) return null;
        return (
          <div key={kind} className="cc-case-section">
            <p className="cc-photo-label">
              {labels[kind]}（{group.length}）
            </p>
            <div className="cc-photo-group">
              {group.map((p) => (
                <Thumb key={p.id} photo={p} size={96} flags />
              ))}
            </div>
          </div>
        );
      })}
    </Image.PreviewGroup>
  );
}

/** Small thumbnails of the photos an event attached (the timeline). */
export function EventPhotos({ photos }: { photos: Photo[] }) {
  if (photos.length === 0) return null;
  return (
    <Image.PreviewGroup>
      <div className="cc-photo-group">
        {photos.map((p) => (
          <Thumb key={p.id} photo={p} size={56} />
        ))}
      </div>
    </Image.PreviewGroup>
  );
}
