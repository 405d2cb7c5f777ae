import { Breadcrumb, Flex, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { useIsMobile } from '../lib/responsive';
import { useRouteMeta } from '../lib/route-meta';

interface PageHeaderProps {
  /** Buttons on the right (create, import, export …). */
  extra?: ReactNode;
  /** Overrides the route table's title (rarely needed). */
  title?: ReactNode;
  children?: ReactNode;
}

/** Breadcrumb and title come from the route table (via the layout); the page adds its own actions. */
export function PageHeader({ extra, title, children }: PageHeaderProps) {
  const meta = useRouteMeta();
  // On a phone the header bar already shows the title, and there is no room for a breadcrumb.
  const isMobile = useIsMobile();
  if (isMobile && !extra && !children && !title) return null;
  return (
    <div className="cc-page-header">
      {!isMobile && meta.breadcrumb.length > 1 && (
        <Breadcrumb
          className="cc-breadcrumb"
          items={meta.breadcrumb.map((item) => ({
            key: item.path ?? item.title,
            title: item.path ? <Link to={item.path}>{item.title}</Link> : item.title,
          }))}
        />
      )}
      <Flex justify="space-between" align="center" wrap gap={8}>
        {(!isMobile || title) && (
          <Typography.Title level={4} style={{ margin: 0 }}>
            {title ?? meta.title}
          </Typography.Title>
        )}
        {extra && (
          <Flex gap={8} wrap>
            {extra}
          </Flex>
        )}
      </Flex>
      {children}
    </div>
  );
}
