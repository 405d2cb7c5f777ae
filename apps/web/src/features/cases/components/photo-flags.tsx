import { PHOTO_FLAG_FAMILY_LABEL, PHOTO_FLAG_LABELS, type Photo } from '@chuangcheng/contracts';
import { Flex, Tag, Tooltip } from 'antd';
import { useI18n } from '../../../lib/i18n';

/** A photo's evidence flags as red tags "疑似不实：…", the detail in a tooltip; nothing when clean. */
export function PhotoFlags({ photos }: { photos: Photo[] }) {
  const { locale } = useI18n();
  const flags = photos.flatMap((p) => p.flags.map((f) => ({ ...f, key: `${p.id}-${f.code}` })));
  if (flags.length === 0) return null;
  return (
    <Flex gap={4} wrap style={{ marginTop: 4 }}>
      {flags.map((f) => (
        <Tooltip key={f.key} title={f.detail}>
          <Tag color="red" style={{ marginInlineEnd: 0 }} data-testid={`photo-flag-${f.code}`}>
            {PHOTO_FLAG_FAMILY_LABEL[locale]}：{PHOTO_FLAG_LABELS[f.code][locale]}
          </Tag>
        </Tooltip>
      ))}
    </Flex>
  );
}
