import { ReloadOutlined, SearchOutlined } from '@ant-design/icons';
import { OPEN_CASE_STATUSES } from '@chuangcheng/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { Button, Input, Segmented } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { useI18n } from '../../../lib/i18n';
import type { FieldCaseQuery } from '../api/cases';
import { FL } from '../labels';
import { CaseList } from './case-list';
import { FieldCaseMap } from './field-case-map';
import './field.css';

type Filter = 'open' | 'feedback' | 'closed' | 'all';
const FILTERS: readonly Filter[] = ['open', 'feedback', 'closed', 'all'];
const FILTER_LABELS = {
  open: FL.filterOpen,
  feedback: FL.filterFeedback,
  closed: FL.filterClosed,
  all: FL.filterAll,
};

function toQuery(filter: Filter, q: string): FieldCaseQuery {
  const base = q ? { q } : {};
  switch (filter) {
    case 'open':
      return { ...base, status: OPEN_CASE_STATUSES };
    case 'feedback':
      return { ...base, status: ['feedback'] };
    case 'closed':
      return { ...base, status: ['closed'] };
    case 'all':
      return base;
  }
}

const isFilter = (v: string | null): v is Filter => FILTERS.includes(v as Filter);

/** 我的案件: the cases of the worker's grids (the API scopes by region), as a list or on a map. */
export default function MyCasesPage() {
  const { l } = useI18n();
  const queryClient = useQueryClient();
  // Filter, search and view live in the URL: the back button from a case returns to the same list.
  const [params, setParams] = useSearchParams();
  const filterParam = params.get('filter');
  const filter: Filter = isFilter(filterParam) ? filterParam : 'open';
  const view = params.get('view') === 'map' ? 'map' : 'list';
  const q = params.get('q') ?? '';
  const [text, setText] = useState(q);
  const query = toQuery(filter, q);

  const set = (patch: Record<string, string | null>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(patch)) {
      if (v) next.set(k, v);
      else next.delete(k);
    }
    setParams(next, { replace: true });
  };

  return (
    <div className={view === 'map' ? 'cc-field-page cc-field-page-map' : 'cc-field-page'}>
      <div className="cc-field-toolbar">
        <Input
          allowClear
          prefix={<SearchOutlined />}
          placeholder={l(FL.searchCases)}
          value={text}
          onChange={(e) => {
            setText(e.target.value);
            if (!e.target.value) set({ q: null });
          }}
          onPressEnter={() => set({ q: text.trim() || null })}
          enterKeyHint="search"
          data-testid="field-search"
        />
        <Segmented
          value={view}
          onChange={(v) => set({ view: v === 'map' ? 'map' : null })}
          options={[
            { value: 'list', label: l(FL.viewList) },
            { value: 'map', label: l(FL.viewMap) },
          ]}
          data-testid="field-view"
        />
      </div>
      <div className="cc-field-chips">
        <Segmented
          block
          value={filter}
          onChange={(v) => set({ filter: v === 'open' ? null : v })}
          options={FILTERS.map((f) => ({ value: f, label: l(FILTER_LABELS[f]) }))}
          data-testid="field-filter"
        />
        <Button
          type="text"
          icon={<ReloadOutlined />}
          aria-label={l(FL.refresh)}
          onClick={() => queryClient.invalidateQueries({ queryKey: ['cases'] })}
        />
      </div>
      {view === 'map' ? <FieldCaseMap query={query} /> : <CaseList query={query} />}
    </div>
  );
}
