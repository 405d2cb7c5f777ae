import { RightOutlined, SearchOutlined } from '@ant-design/icons';
import type { Category } from '@chuangcheng/contracts';
import { Button, Drawer, Empty, Input, Spin, Tag } from 'antd';
import { useMemo, useState } from 'react';
import { QueryError } from '../../../components/query-error';
import { useI18n } from '../../../lib/i18n';
import { useFieldCategories } from '../api/catalog';
import { matchCategories } from '../hooks/category-search';
import { FL } from '../labels';

const RECENT_KEY = 'chuangcheng.field.recentCategories';
const RECENT_MAX = 6;
const SHOWN_MAX = 60;

function readRecent(): string[] {
  try {
    const ids = JSON.parse(localStorage.getItem(RECENT_KEY) ?? '[]') as unknown;
    return Array.isArray(ids) ? ids.filter((id): id is string => typeof id === 'string') : [];
  } catch {
    return [];
  }
}

function rememberRecent(id: string): void {
  try {
    const ids = [id, ...readRecent().filter((x) => x !== id)].slice(0, RECENT_MAX);
    localStorage.setItem(RECENT_KEY, JSON.stringify(ids));
  } catch {
    // not remembered
  }
}

/**
 * The class of the problem: a field that opens a bottom sheet with a search box over the fileable
 * catalogue (the console's list) and the few classes this phone used last.
 */
export function CategoryPicker({
  value,
  onChange,
  invalid,
}: {
  value: Category | null;
  onChange: (category: Category) => void;
  invalid?: boolean;
}) {
  const { l } = useI18n();
  const categories = useFieldCategories();
  const [open, setOpen] = useState(false);
  const [text, setText] = useState('');
  const all = categories.data ?? [];
  const matches = useMemo(() => matchCategories(all, text), [all, text]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `open` re-reads localStorage each time the sheet opens
  const recent = useMemo(() => {
    const byId = new Map(all.map((c) => [c.id, c]));
    return readRecent().flatMap((id) => byId.get(id) ?? []);
  }, [all, open]);

  const pick = (c: Category) => {
    rememberRecent(c.id);
    onChange(c);
    setOpen(false);
    setText('');
  };

  return (
    <>
      <button
        type="button"
        className={invalid ? 'cc-field-select cc-field-select-invalid' : 'cc-field-select'}
        onClick={() => setOpen(true)}
        data-testid="field-category"
      >
        {value ? (
          <span className="cc-field-select-value">
            <strong>{value.name}</strong>
            <small>{value.path}</small>
          </span>
        ) : (
          <span className="cc-field-select-placeholder">{l(FL.pickCategory)}</span>
        )}
        <RightOutlined />
      </button>
      <Drawer
        placement="bottom"
        size="85%"
        open={open}
        onClose={() => setOpen(false)}
        title={l(FL.pickCategory)}
        destroyOnHidden
        className="cc-field-sheet"
        styles={{ body: { padding: 0, display: 'flex', flexDirection: 'column' } }}
      >
        <div className="cc-field-sheet-search">
          <Input
            allowClear
            autoFocus
            prefix={<SearchOutlined />}
            placeholder={l(FL.searchCategory)}
            value={text}
            onChange={(e) => setText(e.target.value)}
            data-testid="category-search"
          />
          {!text && recent.length > 0 && (
            <div className="cc-field-recent">
              <span className="cc-muted">{l(FL.recentCategories)}</span>
              {recent.map((c) => (
                <Tag.CheckableTag key={c.id} checked={c.id === value?.id} onChange={() => pick(c)}>
                  {c.name}
                </Tag.CheckableTag>
              ))}
            </div>
          )}
        </div>
        <div className="cc-field-sheet-list">
          {categories.isPending && <Spin style={{ display: 'block', margin: 24 }} />}
          {categories.isError && <QueryError error={categories.error} onRetry={() => categories.refetch()} />}
          {categories.data && matches.length === 0 && (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={l(FL.noCategory)} />
          )}
          {matches.slice(0, SHOWN_MAX).map((c) => (
            <button
              type="button"
              key={c.id}
              className={c.id === value?.id ? 'cc-field-option cc-field-option-on' : 'cc-field-option'}
              onClick={() => pick(c)}
              data-testid="category-option"
            >
              <span>
                <strong>{c.name}</strong> <span className="cc-mono cc-muted">{c.code}</span>
              </span>
              <small>
                {c.path}
                {c.departmentName ? ` · ${c.departmentName}` : ''}
              </small>
            </button>
          ))}
          {matches.length > SHOWN_MAX && (
            <div className="cc-field-more cc-muted">
              <Button type="link" disabled>
                {`… ${matches.length - SHOWN_MAX}`}
              </Button>
            </div>
          )}
        </div>
      </Drawer>
    </>
  );
}
