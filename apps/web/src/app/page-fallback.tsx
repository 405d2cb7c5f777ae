import { Spin } from 'antd';

/** Shown while a page's chunk or the session loads. */
export function PageFallback({ full }: { full?: boolean }) {
  return (
    <div className={full ? 'cc-fallback cc-fallback-full' : 'cc-fallback'}>
      <Spin size="large" />
    </div>
  );
}
