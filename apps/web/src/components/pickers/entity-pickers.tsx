import type { Block, Person, PersonDuty, Unit } from '@chuangcheng/contracts';
import { useMemo } from 'react';
import { EntitySelect, type Option } from './entity-select';

interface PickerProps<V> {
  value?: V | null;
  onChange?: (value: V | null) => void;
  placeholder?: string;
  allowClear?: boolean;
  disabled?: boolean;
  style?: React.CSSProperties;
  id?: string;
  /** Already known records (e.g. the one being edited), so their names show before any search. */
  known?: ({ id: string; name: string } | null | undefined)[];
}

const unitOption = (u: Unit): Option => ({ value: u.id, label: u.name });
const blockOption = (b: Block): Option => ({ value: b.id, label: `${b.name}（${b.code}）` });
const personOption = (p: Person): Option => ({ value: p.id, label: `${p.name} · ${p.unitName}` });

function useKnown(known: PickerProps<unknown>['known']): Option[] {
  return useMemo(
    () =>
      (known ?? [])
        .filter((k): k is NonNullable<typeof k> => Boolean(k))
        .map((k) => ({ value: k.id, label: k.name })),
    [known],
  );
}

export function UnitSelect({ known, onChange, ...props }: PickerProps<string>) {
  return (
    <EntitySelect<Unit>
      {...props}
      entity="units"
      known={useKnown(known)}
      toOption={unitOption}
      onChange={(v) => onChange?.(v as string | null)}
    />
  );
}

export function UnitMultiSelect({ known, onChange, ...props }: PickerProps<string[]>) {
  return (
    <EntitySelect<Unit>
      {...props}
      multiple
      entity="units"
      known={useKnown(known)}
      toOption={unitOption}
      onChange={(v) => onChange?.((v as string[] | null) ?? [])}
    />
  );
}

export function BlockSelect({ known, onChange, ...props }: PickerProps<string>) {
  return (
    <EntitySelect<Block>
      {...props}
      entity="blocks"
      known={useKnown(known)}
      toOption={blockOption}
      onChange={(v) => onChange?.(v as string | null)}
    />
  );
}

export function PersonSelect({
  duty,
  known,
  onChange,
  ...props
}: PickerProps<string> & { duty?: PersonDuty }) {
  const filters = useMemo(() => (duty ? { duty } : undefined), [duty]);
  return (
    <EntitySelect<Person>
      {...props}
      entity="people"
      filters={filters}
      known={useKnown(known)}
      toOption={personOption}
      onChange={(v) => onChange?.(v as string | null)}
    />
  );
}
