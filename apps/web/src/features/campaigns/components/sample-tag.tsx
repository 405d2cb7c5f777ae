import { Tag, Tooltip } from 'antd';
import { useMessages } from '../messages';

/** Campaigns built on a shipped example standard say so wherever the standard is named. */
export function SampleTag() {
  const m = useMessages();
  return (
    <Tooltip title={m('sampleHint')}>
      <Tag color="gold" style={{ marginInlineStart: 6 }}>
        {m('sample')}
      </Tag>
    </Tooltip>
  );
}
