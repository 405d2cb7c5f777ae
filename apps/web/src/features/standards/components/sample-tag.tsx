import { Tag, Tooltip } from 'antd';
import { useMessages } from '../messages';

/** Shipped examples are labelled as such wherever they appear. */
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
