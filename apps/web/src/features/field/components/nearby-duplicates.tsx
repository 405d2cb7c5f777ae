import { Alert } from 'antd';
import { Link } from 'react-router';
import { useNearbyDuplicates } from '../api/cases';

/** "附近 50 米内 24 小时内已有 2 件同类案件" with links, while a report is being composed. */
export function NearbyDuplicates({
  categoryId,
  point,
}: {
  categoryId: string | undefined;
  point: { lng: number; lat: number } | null;
}) {
  const { data } = useNearbyDuplicates(categoryId, point);
  if (!data || data.items.length === 0) return null;
  return (
    <Alert
      className="cc-field-gap"
      type="warning"
      showIcon
      data-testid="nearby-duplicates"
      message={`附近 ${data.radiusM} 米内 ${data.hours} 小时内已有 ${data.items.length} 件同类案件，请确认是否重复上报`}
      description={
        <ul style={{ margin: 0, paddingInlineStart: 18 }}>
          {data.items.slice(0, 3).map((c) => (
            <li key={c.id}>
              <Link to={`/field/cases/${c.id}`}>{c.number}</Link> · {c.distanceM} 米 ·{' '}
              {c.description.slice(0, 24)}
            </li>
          ))}
        </ul>
      }
    />
  );
}
