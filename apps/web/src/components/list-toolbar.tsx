import { FilterOutlined } from '@ant-design/icons';
import { Badge, Button } from 'antd';
import { type ReactNode, useState } from 'react';
import { useI18n } from '../lib/i18n';
import { useIsMobile } from '../lib/responsive';

/** Search box and filters above a list; on a phone the filters fold behind a button. */
export function ListToolbar({
  search,
  filters,
  activeFilters = 0,
}: {
  search?: ReactNode;
  filters?: ReactNode;
  activeFilters?: number;
}) {
  const { t } = useI18n();
  const isMobile = useIsMobile();
  const [open, setOpen] = useState(false);
  if (!isMobile) {
    return (
      <div className="cc-toolbar">
        {search}
        {filters}
      </div>
    );
  }
  return (
    <div className="cc-toolbar">
      <div className="cc-toolbar-row">
        {search}
        {filters && (
          <Badge count={activeFilters} size="small">
            <Button
              icon={<FilterOutlined />}
              type={open ? 'primary' : 'default'}
              onClick={() => setOpen((o) => !o)}
              aria-label={t('common.filters')}
            />
          </Badge>
        )}
      </div>
      {open && filters}
    </div>
  );
}
