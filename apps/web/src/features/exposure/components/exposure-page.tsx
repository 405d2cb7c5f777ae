import { ExportOutlined } from '@ant-design/icons';
import { Button, Card, Tabs } from 'antd';
import { useSearchParams } from 'react-router';
import { PageHeader } from '../../../components/page-header';
import { ExposuresTab } from './exposures-tab';
import { RankingTab } from './ranking-tab';
import './exposure.css';

const TABS = ['exposures', 'ranking'] as const;
type Tab = (typeof TABS)[number];

/** 曝光台管理: cases published on the public exposure board, and the 红黑榜 of units. */
export default function ExposurePage() {
  const [params, setParams] = useSearchParams();
  const tab: Tab = params.get('tab') === 'ranking' ? 'ranking' : 'exposures';
  return (
    <>
      <PageHeader
        extra={
          <Button icon={<ExportOutlined />} href="/c/board" target="_blank" data-testid="open-public-board">
            查看公开页
          </Button>
        }
      />
      <Card size="small">
        <Tabs
          activeKey={tab}
          onChange={(key) => setParams(key === 'exposures' ? {} : { tab: key }, { replace: true })}
          items={[
            { key: 'exposures', label: '曝光台', children: <ExposuresTab /> },
            { key: 'ranking', label: '红黑榜', children: <RankingTab /> },
          ]}
        />
      </Card>
    </>
  );
}
