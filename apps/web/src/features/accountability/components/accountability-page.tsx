import { Card, Tabs } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { PageHeader } from '../../../components/page-header';
import type { RegisterFilters } from '../api/accountability';
import { CountsTab } from './counts-tab';
import { KindsTab } from './kinds-tab';
import { RegisterTab } from './register-tab';

const TABS = ['register', 'counts', 'kinds'] as const;
type Tab = (typeof TABS)[number];

/** 问责登记: the register of 问责 decisions, their counts per unit, and the city's 情形/方式 lists. */
export default function AccountabilityPage() {
  const [params, setParams] = useSearchParams();
  const tab: Tab = TABS.find((t) => t === params.get('tab')) ?? 'register';
  const [filters, setFilters] = useState<RegisterFilters>({});
  const go = (key: string) => setParams(key === 'register' ? {} : { tab: key }, { replace: true });
  return (
    <>
      <PageHeader />
      <Card size="small">
        <Tabs
          activeKey={tab}
          onChange={go}
          items={[
            {
              key: 'register',
              label: '问责登记',
              children: <RegisterTab filters={filters} setFilters={setFilters} />,
            },
            {
              key: 'counts',
              label: '问责统计',
              children: (
                <CountsTab
                  filters={filters}
                  setFilters={setFilters}
                  onDrill={(f) => {
                    setFilters(f);
                    go('register');
                  }}
                />
              ),
            },
            { key: 'kinds', label: '情形与方式', children: <KindsTab /> },
          ]}
        />
      </Card>
    </>
  );
}
