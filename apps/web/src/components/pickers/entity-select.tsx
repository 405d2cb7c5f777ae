import type { Page } from '@chuangcheng/contracts';
import { useQuery } from '@tanstack/react-query';
import { Select } from 'antd';
import { useMemo, useState } from 'react';
import type { Query } from '../../lib/api-client';
import { useI18n } from '../../lib/i18n';
import { type PickerEntity, pickerQueryOptions } from '../../lib/lookups';
import { useDebounced } from './use-debounced';

export interface Option {
  value: string;
  label: string;
}

interface EntitySelectProps<T> {
  entity: PickerEntity;
  filters?: Query;
  toOption: (item: T) => Option;
  /** Labels for values that may not be in the first page (the record being edited). */
  known?: Option[];
  value?: string | string[] | null;
  onChange?: (value: string | string[] | null) => void;
  multiple?: boolean;
  placeholder?: string;
  allowClear?: boolean;
  disabled?: boolean;
  style?: React.CSSProperties;
  id?: string;
}

/** A searchable select over a list endpoint (server-side search, first 100 matches). */
export function EntitySelect<T>({
  entity,
  filters,
  toOption,
  known,
  value,
  onChange,
  multiple,
  placeholder,
  allowClear = true,
  disabled,
  style,
  id,
}: EntitySelectProps<T>) {
  const { t } = useI18n();
  const [search, setSearch] = useState('');
  const q = useDebounced(search.trim());
  const { data, isFetching } = useQuery(pickerQueryOptions<T>(entity, q, filters));

  const options = useMemo(() => {
    const seen = new Set<string>();
    const out: Option[] = [];
    for (const option of [...((data as Page<T> | undefined)?.items.map(toOption) ?? []), ...(known ?? [])]) {
      if (seen.has(option.value)) continue;
      seen.add(option.value);
      out.push(option);
    }
    return out;
  }, [data, known, toOption]);

  return (
    <Select<string | string[]>
      id={id}
      mode={multiple ? 'multiple' : undefined}
      value={value ?? undefined}
      onChange={(v) => onChange?.(v ?? null)}
      options={options}
      showSearch={{ filterOption: false, onSearch: setSearch }}
      onOpenChange={(open) => {
        if (!open) setSearch('');
      }}
      loading={isFetching}
      allowClear={allowClear}
      disabled={disabled}
      placeholder={placeholder ?? t('common.select')}
      style={{ minWidth: 180, ...style }}
      popupMatchSelectWidth={false}
    />
  );
}
